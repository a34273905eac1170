import type { ReactNode } from "react";
import styles from "./status-message.module.css";

interface StatusMessageProps {
  /** A short visual tag above the title: "404", "Error". */
  code: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}

/** The body of the not-found and error pages. */
export function StatusMessage({ code, title, children, actions }: StatusMessageProps) {
  return (
    <section className={styles.status} aria-labelledby="status-title">
      <p className={styles.code} aria-hidden="true">
        {code}
      </p>
      <h1 id="status-title" className={styles.title}>
        {title}
      </h1>
      <p className={styles.text}>{children}</p>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </section>
  );
}
