import { categoryDrawing, type DrawingShape } from "./category-drawings.ts";
import { fnv1a, type ProductImageSubject } from "./product-image-version.ts";

/**
 * A product's picture, generated (the catalog has no photos): its category's line drawing in a
 * colour of its brand, the brand and category above it and the product's name below, as a
 * standalone SVG document. Pure and deterministic: the same product always gives the same bytes,
 * so the picture can be cached for good under a versioned URL (product-image-version.ts).
 * Every text is escaped, so a name such as `<script>` comes out as text.
 */

export const PRODUCT_IMAGE_WIDTH = 800;
export const PRODUCT_IMAGE_HEIGHT = 600;

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";
const NAME_FONT_SIZE = 34;
const NAME_LINE_HEIGHT = 44;
/** Characters per line of the name: what fits 704 px of a 34 px sans-serif, wide letters included. */
const NAME_LINE_CHARS = 32;
const NAME_MAX_LINES = 3;
const MARGIN = 48;

/** Whether a code point may appear in an XML 1.0 document at all. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Text as XML character data or an attribute value: markup escaped, impossible characters dropped. */
export function escapeXml(text: string): string {
  let clean = "";
  for (const char of text) {
    // A lone surrogate iterates as itself and has no valid code point in XML.
    if (isXmlChar(char.codePointAt(0) ?? 0)) clean += char;
  }
  return clean.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Single spaces, no control or impossible characters: names are shown on one or a few lines. */
function oneLine(text: string): string {
  return [...text]
    .filter((char) => isXmlChar(char.codePointAt(0) ?? 0))
    .join("")
    .replace(/\s+/g, " ")
    .replace(/[\u0000-\u001f]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();
}

/**
 * Words wrapped into lines of at most `width` characters, at most `maxLines` of them; a word longer
 * than a line is cut, and text that does not fit ends in "…".
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const size = Math.max(1, Math.floor(width));
  const length = (value: string) => [...value].length;
  const lines: string[] = [];
  let line = "";
  for (const word of oneLine(text).split(" ").filter(Boolean)) {
    let rest = [...word];
    while (rest.length > 0) {
      const room = line ? size - length(line) - 1 : size;
      if (rest.length <= room) {
        line = line ? `${line} ${rest.join("")}` : rest.join("");
        break;
      }
      if (line && (rest.length <= size || room < 3)) {
        lines.push(line);
        line = "";
        continue;
      }
      // A word longer than a whole line: cut it where the line ends.
      const cut = rest.slice(0, room).join("");
      lines.push(line ? `${line} ${cut}` : cut);
      line = "";
      rest = rest.slice(room);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = [...(kept.at(-1) ?? "")];
  kept[kept.length - 1] = `${last.slice(0, size - 1).join("").trimEnd()}…`;
  return kept;
}

/** `#rrggbb` of an HSL colour (hue in degrees, saturation and lightness in percent). */
export function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export interface BrandPalette {
  backgroundFrom: string;
  backgroundTo: string;
  ink: string;
  dark: { backgroundFrom: string; backgroundTo: string; ink: string };
}

/** The colours of a brand's pictures: one hue per brand, light and dark. */
export function brandPalette(brandSlug: string): BrandPalette {
  const hue = fnv1a(`brand:${brandSlug}`) % 360;
  return {
    backgroundFrom: hslToHex(hue, 70, 97),
    backgroundTo: hslToHex(hue, 55, 87),
    ink: hslToHex(hue, 65, 30),
    dark: { backgroundFrom: hslToHex(hue, 35, 18), backgroundTo: hslToHex(hue, 40, 11), ink: hslToHex(hue, 75, 76) },
  };
}

/** Numbers as SVG writes them: no trailing zeros, no "-0". */
const num = (value: number): string => String(Math.round(value * 100) / 100 || 0);

function shapeElement(shape: DrawingShape): string {
  const dim = shape.opacity === undefined ? "" : ` opacity="${num(shape.opacity)}"`;
  if (shape.kind === "rect") {
    const rx = shape.rx === undefined ? "" : ` rx="${num(shape.rx)}"`;
    return `<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.width)}" height="${num(shape.height)}"${rx}${dim}/>`;
  }
  if (shape.kind === "circle") return `<circle cx="${num(shape.cx)}" cy="${num(shape.cy)}" r="${num(shape.r)}"${dim}/>`;
  return `<path d="${escapeXml(shape.d)}"${dim}/>`;
}

/** The picture's text alternative: what it shows, for the `alt` of every `<img>` of it. */
export function productImageAlt(product: ProductImageSubject): string {
  return `Illustration of the ${oneLine(product.name)}`;
}

/** The product's picture as an SVG document (UTF-8 text, `image/svg+xml`). */
export function productImageSvg(product: ProductImageSubject): string {
  const palette = brandPalette(product.brand.slug);
  const nameLines = wrapText(product.name, NAME_LINE_CHARS, NAME_MAX_LINES);
  const nameTop = PRODUCT_IMAGE_HEIGHT - MARGIN - (nameLines.length - 1) * NAME_LINE_HEIGHT;
  const drawingSize = 256;
  const drawingTop = 96 + (NAME_MAX_LINES - nameLines.length) * (NAME_LINE_HEIGHT / 2);
  const scale = drawingSize / 64;
  const title = `${oneLine(product.name)} (${oneLine(product.category.name)} by ${oneLine(product.brand.name)})`;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PRODUCT_IMAGE_WIDTH}" height="${PRODUCT_IMAGE_HEIGHT}" viewBox="0 0 ${PRODUCT_IMAGE_WIDTH} ${PRODUCT_IMAGE_HEIGHT}" role="img" aria-labelledby="title">`,
    `<title id="title">${escapeXml(title)}</title>`,
    // Dark colours when the page around the picture is dark (browsers pass the preference on).
    `<style>@media (prefers-color-scheme: dark) {`,
    ` .from { stop-color: ${palette.dark.backgroundFrom} } .to { stop-color: ${palette.dark.backgroundTo} }`,
    ` .ink { stroke: ${palette.dark.ink} } .brand { fill: ${palette.dark.ink} } .text { fill: #e8edf5 } .muted { fill: #a5b1c2 } .glow { fill: #ffffff; opacity: 0.04 }`,
    `}</style>`,
    `<defs><linearGradient id="background" x1="0" y1="0" x2="1" y2="1">`,
    `<stop class="from" offset="0" stop-color="${palette.backgroundFrom}"/><stop class="to" offset="1" stop-color="${palette.backgroundTo}"/>`,
    `</linearGradient></defs>`,
    `<rect width="${PRODUCT_IMAGE_WIDTH}" height="${PRODUCT_IMAGE_HEIGHT}" fill="url(#background)"/>`,
    `<circle class="glow" cx="${num(PRODUCT_IMAGE_WIDTH / 2)}" cy="${num(drawingTop + drawingSize / 2)}" r="190" fill="#ffffff" opacity="0.55"/>`,
    `<g class="ink" transform="translate(${num((PRODUCT_IMAGE_WIDTH - drawingSize) / 2)} ${num(drawingTop)}) scale(${num(scale)})" fill="none" stroke="${palette.ink}" stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round">`,
    ...categoryDrawing(product.category.slug).map(shapeElement),
    `</g>`,
    `<g font-family="${escapeXml(FONT)}">`,
    `<text class="brand" x="${MARGIN}" y="${MARGIN + 16}" font-size="22" font-weight="700" letter-spacing="3" fill="${palette.ink}">${escapeXml(oneLine(product.brand.name).toUpperCase())}</text>`,
    `<text class="muted" x="${PRODUCT_IMAGE_WIDTH - MARGIN}" y="${MARGIN + 16}" font-size="20" text-anchor="end" fill="#475569">${escapeXml(oneLine(product.category.name))}</text>`,
    `<text class="text" x="${MARGIN}" y="${nameTop}" font-size="${NAME_FONT_SIZE}" font-weight="700" fill="#0f172a">`,
    ...nameLines.map((line, index) => `<tspan x="${MARGIN}" dy="${index === 0 ? 0 : NAME_LINE_HEIGHT}">${escapeXml(line)}</tspan>`),
    `</text>`,
    `</g>`,
    `</svg>`,
    "",
  ].join("\n");
}
