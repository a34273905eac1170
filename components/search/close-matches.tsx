import Link from "next/link";
import { searchHref } from "@/lib/search/search-params.ts";
import styles from "./search.module.css";

/** "Did you mean": each close match, as a search of its own. */
export function CloseMatches({ matches }: { matches: string[] }) {
  if (matches.length === 0) return null;
  return (
    <section className={styles.closeMatches} aria-labelledby="close-matches-heading">
      <h2 id="close-matches-heading" className={styles.subheading}>
        Did you mean
      </h2>
      <ul className={styles.matchList} role="list">
        {matches.map((match) => (
          <li key={match}>
            <Link href={searchHref(match)} className={styles.match}>
              {match}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
