import { formatSpecs } from "@/lib/format/specs.ts";
import type { Specs } from "@/lib/catalog/types.ts";
import styles from "./specs-table.module.css";

export function SpecsTable({ specs, caption }: { specs: Specs; caption: string }) {
  const rows = formatSpecs(specs);
  if (rows.length === 0) return <p className={styles.empty}>No specifications are listed for this product yet.</p>;
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
