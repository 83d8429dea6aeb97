import { ClientMessages } from "@/components/layout/client-messages";

// The service form's messages.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages of="serviceForm">{children}</ClientMessages>;
}
