import { ClientMessages } from "@/components/layout/client-messages";

// The messages of the assessment's client components, for this page and the pages under it.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages of="assessment">{children}</ClientMessages>;
}
