import { categoryDrawing, type DrawingShape } from "@/lib/catalog/category-drawings.ts";

/**
 * A category's line drawing (lib/catalog/category-drawings.ts), 64×64, drawn with `currentColor`
 * so the surrounding tile decides the colours.
 */

function Shape({ shape }: { shape: DrawingShape }) {
  if (shape.kind === "rect") {
    return <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={shape.rx} opacity={shape.opacity} />;
  }
  if (shape.kind === "circle") return <circle cx={shape.cx} cy={shape.cy} r={shape.r} opacity={shape.opacity} />;
  return <path d={shape.d} opacity={shape.opacity} />;
}

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
      {categoryDrawing(category).map((shape, index) => (
        <Shape key={index} shape={shape} />
      ))}
    </svg>
  );
}
