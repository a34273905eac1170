import Link from "next/link";
import { StatusMessage } from "@/components/status/status-message.tsx";

export default function NotFound() {
  return (
    <StatusMessage
      code="404"
      title="We couldn’t find that page"
      actions={
        <Link href="/" className="button">
          Browse all products
        </Link>
      }
    >
      The product or page you are looking for doesn’t exist, or it is no longer in our catalog. Try a
      category from the menu above.
    </StatusMessage>
  );
}
