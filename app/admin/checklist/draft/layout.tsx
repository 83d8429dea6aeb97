import { ClientMessages } from "@/components/layout/client-messages";

// The item forms' messages.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages of="checklistEditor">{children}</ClientMessages>;
}
