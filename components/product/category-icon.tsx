import type { ReactElement } from "react";

/**
 * Line drawings standing in for product photos, one per category. 64×64, drawn with
 * `currentColor`, so the surrounding tile decides the colours.
 */

const ICONS: Readonly<Record<string, ReactElement>> = {
  laptops: (
    <>
      <rect x="12" y="14" width="40" height="27" rx="2.5" />
      <rect x="16" y="18" width="32" height="19" rx="1" opacity="0.35" />
      <path d="M6 45h52l-3 5H9z" />
      <path d="M28 47.5h8" />
    </>
  ),
  desktops: (
    <>
      <rect x="6" y="10" width="34" height="24" rx="2.5" />
      <path d="M19 34v6M27 34v6M15 42h16" />
      <rect x="44" y="10" width="14" height="38" rx="2.5" />
      <circle cx="51" cy="21" r="3.5" />
      <circle cx="51" cy="33" r="3.5" />
      <path d="M48.5 43h5" />
    </>
  ),
  cpus: (
    <>
      <rect x="16" y="16" width="32" height="32" rx="3" />
      <rect x="24" y="24" width="16" height="16" rx="1.5" opacity="0.6" />
      <path d="M24 8v8M32 8v8M40 8v8M24 48v8M32 48v8M40 48v8M8 24h8M8 32h8M8 40h8M48 24h8M48 32h8M48 40h8" />
    </>
  ),
  gpus: (
    <>
      <rect x="6" y="16" width="50" height="26" rx="3" />
      <circle cx="21" cy="29" r="8" />
      <circle cx="41" cy="29" r="8" />
      <circle cx="21" cy="29" r="2" />
      <circle cx="41" cy="29" r="2" />
      <path d="M56 14v34M14 42v5h26v-5" />
    </>
  ),
  memory: (
    <>
      <path d="M6 20h52v20H34l-2 3-2-3H6z" />
      <rect x="11" y="24" width="8" height="10" rx="1" />
      <rect x="23" y="24" width="8" height="10" rx="1" />
      <rect x="35" y="24" width="8" height="10" rx="1" />
      <rect x="47" y="24" width="6" height="10" rx="1" />
      <path d="M10 44v3M16 44v3M22 44v3M42 44v3M48 44v3M54 44v3" />
    </>
  ),
  storage: (
    <>
      <rect x="12" y="8" width="40" height="48" rx="3.5" />
      <circle cx="32" cy="28" r="13" />
      <circle cx="32" cy="28" r="3" />
      <path d="M44 45l-9-13" />
      <circle cx="18" cy="50" r="1.2" />
      <circle cx="46" cy="50" r="1.2" />
    </>
  ),
  monitors: (
    <>
      <rect x="5" y="9" width="54" height="34" rx="3" />
      <rect x="9" y="13" width="46" height="26" rx="1" opacity="0.35" />
      <path d="M32 43v8M20 54h24" />
    </>
  ),
  peripherals: (
    <>
      <rect x="4" y="24" width="38" height="20" rx="3" />
      <path d="M9 30h3M15 30h3M21 30h3M27 30h3M33 30h4M9 35h3M15 35h3M21 35h3M27 35h3M33 35h4M14 40h18" />
      <rect x="47" y="20" width="13" height="24" rx="6.5" />
      <path d="M53.5 20v8" />
    </>
  ),
  networking: (
    <>
      <rect x="8" y="36" width="48" height="14" rx="3" />
      <path d="M16 36l-4-14M48 36l4-14" />
      <circle cx="16" cy="43" r="1.5" />
      <circle cx="23" cy="43" r="1.5" />
      <path d="M36 43h12" />
      <path d="M24 20a11 11 0 0 1 16 0M20 15a17 17 0 0 1 24 0" />
      <circle cx="32" cy="25" r="1.5" />
    </>
  ),
};

const FALLBACK = (
  <>
    <path d="M8 22l24-12 24 12v22L32 56 8 44z" />
    <path d="M8 22l24 12 24-12M32 34v22" />
  </>
);

export function CategoryIcon({ category, className }: { category: string; className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 64 64"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.25"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[category] ?? FALLBACK}
    </svg>
  );
}
