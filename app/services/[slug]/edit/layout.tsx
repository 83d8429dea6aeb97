import { ClientMessages } from "@/components/layout/client-messages";

// The service form's messages (in place of the assessment's, which this page does not show).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages of="serviceForm">{children}</ClientMessages>;
}
