import styles from "./search.module.css";

/** What to try when a search found nothing (or nothing was asked). */
export function SearchTips() {
  return (
    <ul className={styles.tips}>
      <li>Search for a product name, a model number, a brand or a category: “RTX 5080”, “ThinkPad”, “SSD”.</li>
      <li>Fewer or more general words find more.</li>
      <li>Or browse a category below.</li>
    </ul>
  );
}
