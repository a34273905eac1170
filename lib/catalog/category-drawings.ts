/**
 * Line drawings of each category's kind of product, on a 64×64 grid, as data: the category icons
 * (components/product/category-icon.tsx) and the generated product pictures
 * (product-image-svg.ts) both draw them. Stroked, never filled; `opacity` dims a detail.
 */

export type DrawingShape =
  | { kind: "rect"; x: number; y: number; width: number; height: number; rx?: number; opacity?: number }
  | { kind: "circle"; cx: number; cy: number; r: number; opacity?: number }
  | { kind: "path"; d: string; opacity?: number };

export type CategoryDrawing = readonly DrawingShape[];

const rect = (x: number, y: number, width: number, height: number, rx?: number, opacity?: number): DrawingShape => ({
  kind: "rect",
  x,
  y,
  width,
  height,
  rx,
  opacity,
});
const circle = (cx: number, cy: number, r: number): DrawingShape => ({ kind: "circle", cx, cy, r });
const path = (d: string): DrawingShape => ({ kind: "path", d });

const DRAWINGS: Readonly<Record<string, CategoryDrawing>> = {
  laptops: [rect(12, 14, 40, 27, 2.5), rect(16, 18, 32, 19, 1, 0.35), path("M6 45h52l-3 5H9z"), path("M28 47.5h8")],
  desktops: [
    rect(6, 10, 34, 24, 2.5),
    path("M19 34v6M27 34v6M15 42h16"),
    rect(44, 10, 14, 38, 2.5),
    circle(51, 21, 3.5),
    circle(51, 33, 3.5),
    path("M48.5 43h5"),
  ],
  cpus: [
    rect(16, 16, 32, 32, 3),
    rect(24, 24, 16, 16, 1.5, 0.6),
    path("M24 8v8M32 8v8M40 8v8M24 48v8M32 48v8M40 48v8M8 24h8M8 32h8M8 40h8M48 24h8M48 32h8M48 40h8"),
  ],
  gpus: [
    rect(6, 16, 50, 26, 3),
    circle(21, 29, 8),
    circle(41, 29, 8),
    circle(21, 29, 2),
    circle(41, 29, 2),
    path("M56 14v34M14 42v5h26v-5"),
  ],
  memory: [
    path("M6 20h52v20H34l-2 3-2-3H6z"),
    rect(11, 24, 8, 10, 1),
    rect(23, 24, 8, 10, 1),
    rect(35, 24, 8, 10, 1),
    rect(47, 24, 6, 10, 1),
    path("M10 44v3M16 44v3M22 44v3M42 44v3M48 44v3M54 44v3"),
  ],
  storage: [rect(12, 8, 40, 48, 3.5), circle(32, 28, 13), circle(32, 28, 3), path("M44 45l-9-13"), circle(18, 50, 1.2), circle(46, 50, 1.2)],
  monitors: [rect(5, 9, 54, 34, 3), rect(9, 13, 46, 26, 1, 0.35), path("M32 43v8M20 54h24")],
  peripherals: [
    rect(4, 24, 38, 20, 3),
    path("M9 30h3M15 30h3M21 30h3M27 30h3M33 30h4M9 35h3M15 35h3M21 35h3M27 35h3M33 35h4M14 40h18"),
    rect(47, 20, 13, 24, 6.5),
    path("M53.5 20v8"),
  ],
  networking: [
    rect(8, 36, 48, 14, 3),
    path("M16 36l-4-14M48 36l4-14"),
    circle(16, 43, 1.5),
    circle(23, 43, 1.5),
    path("M36 43h12"),
    path("M24 20a11 11 0 0 1 16 0M20 15a17 17 0 0 1 24 0"),
    circle(32, 25, 1.5),
  ],
};

/** A box: for a category the catalog has no drawing of. */
const FALLBACK: CategoryDrawing = [path("M8 22l24-12 24 12v22L32 56 8 44z"), path("M8 22l24 12 24-12M32 34v22")];

export function categoryDrawing(category: string): CategoryDrawing {
  return Object.hasOwn(DRAWINGS, category) ? (DRAWINGS[category] ?? FALLBACK) : FALLBACK;
}
