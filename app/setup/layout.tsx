import { ClientMessages } from "@/components/layout/client-messages";

// The first admin's form's messages.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages of="auth">{children}</ClientMessages>;
}
