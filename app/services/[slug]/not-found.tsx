import { NotFoundMessage } from "@/components/layout/not-found-message";

export default function ServiceNotFound() {
  return <NotFoundMessage titleKey="serviceNotFoundTitle" bodyKey="serviceNotFoundBody" />;
}
