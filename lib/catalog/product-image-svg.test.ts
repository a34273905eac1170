import { describe, expect, it } from "vitest";
import {
  brandPalette,
  escapeXml,
  hslToHex,
  PRODUCT_IMAGE_HEIGHT,
  PRODUCT_IMAGE_WIDTH,
  productImageAlt,
  productImageSvg,
  wrapText,
} from "./product-image-svg.ts";
import { PRODUCT_IMAGE_VERSION_PATTERN, productImageVersion, type ProductImageSubject } from "./product-image-version.ts";

const gpu: ProductImageSubject = {
  slug: "msi-geforce-rtx-5090-32g-gaming-trio-oc",
  name: "MSI GeForce RTX 5090 32G Gaming Trio OC",
  brand: { slug: "msi", name: "MSI" },
  category: { slug: "gpus", name: "Graphics cards" },
};

const NAME = "[A-Za-z_][\\w.:-]*";
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

/**
 * Null when `xml` is a well-formed XML document of the kind the generator writes (elements,
 * attributes, text, comments; one root), else what is wrong. Strict where it matters here: every
 * `&` starts an entity, no `<` in text or attribute values, tags nest and close.
 */
function xmlProblem(xml: string): string | null {
  const token = new RegExp(
    `<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>|</(${NAME})\\s*>|<!--(?:(?!--)[\\s\\S])*-->|([^<]+)`,
    "y",
  );
  const stack: string[] = [];
  let roots = 0;
  let index = 0;
  const badAmpersand = (text: string) => text.replace(ENTITY, "").includes("&");
  while (index < xml.length) {
    token.lastIndex = index;
    const match = token.exec(xml);
    if (!match) return `unexpected markup at ${index}: ${xml.slice(index, index + 40)}`;
    index = token.lastIndex;
    const [, open, attributes = "", selfClosing, close, text] = match;
    if (open) {
      if (stack.length === 0) roots += 1;
      const values = [...attributes.matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "g"))];
      const names = values.map((value) => value[1]);
      if (new Set(names).size !== names.length) return `duplicate attribute in <${open}>`;
      for (const value of values) {
        const content = value[2] ?? value[3] ?? "";
        if (content.includes("<") || badAmpersand(content)) return `bad attribute value in <${open}>: ${content}`;
      }
      if (!selfClosing) stack.push(open);
    } else if (close) {
      const expected = stack.pop();
      if (expected !== close) return `</${close}> closes <${expected}>`;
    } else if (text !== undefined) {
      if (stack.length === 0 && text.trim()) return `text outside the root: ${text}`;
      if (badAmpersand(text)) return `bare & in text: ${text}`;
      if (text.includes("]]>")) return "]]> in text";
    }
  }
  if (stack.length > 0) return `unclosed <${stack.join("><")}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

/** The text of every <title>, <text> and <tspan>, entities decoded, in document order. */
function texts(svg: string): string[] {
  const decode = (text: string) =>
    text.replace(ENTITY, (entity) => {
      const named: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
      if (named[entity]) return named[entity];
      const hex = entity.startsWith("&#x");
      return String.fromCodePoint(Number.parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10));
    });
  return [...svg.matchAll(/<(title|text|tspan)\b[^>]*>([^<]*)(?=<)/g)].map((match) => decode(match[2] ?? "")).filter((text) => text.trim() !== "");
}

describe("productImageSvg", () => {
  it("is a well-formed SVG document of the advertised size", () => {
    const svg = productImageSvg(gpu);
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(svg).toContain(`width="${PRODUCT_IMAGE_WIDTH}" height="${PRODUCT_IMAGE_HEIGHT}"`);
  });

  it("is deterministic", () => {
    expect(productImageSvg({ ...gpu, brand: { ...gpu.brand } })).toBe(productImageSvg(gpu));
  });

  it("names the product, its brand and its category", () => {
    const shown = texts(productImageSvg(gpu));
    expect(shown[0]).toBe("MSI GeForce RTX 5090 32G Gaming Trio OC (Graphics cards by MSI)");
    expect(shown).toContain("MSI");
    expect(shown).toContain("Graphics cards");
    expect(shown.slice(-2).join(" ")).toBe("MSI GeForce RTX 5090 32G Gaming Trio OC");
  });

  it("draws each category's silhouette, and a box for one it does not know", () => {
    const drawing = (category: string) => productImageSvg({ ...gpu, category: { slug: category, name: "X" } }).match(/<g class="ink"[\s\S]*?<\/g>/)?.[0];
    expect(drawing("gpus")).not.toBe(drawing("laptops"));
    expect(drawing("no-such-category")).toBe(drawing("constructor"));
    expect(drawing("no-such-category")).toContain("<path");
  });

  it("escapes markup in names: a <script> comes out as text", () => {
    const hostile: ProductImageSubject = {
      slug: "x",
      name: `<script>alert("x")</script> & "quotes" 'too' ]]>`,
      brand: { slug: "evil", name: "<b>Evil</b> & Co" },
      category: { slug: "gpus\" onload=\"alert(1)", name: "</text><script>alert(2)</script>" },
    };
    const svg = productImageSvg(hostile);
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).not.toMatch(/<script|<b>|onload=/i);
    const shown = texts(svg);
    expect(shown).toContain("</text><script>alert(2)</script>");
    expect(shown).toContain("<B>EVIL</B> & CO");
    expect(shown.join(" ")).toContain(`<script>alert("x")</script>`);
  });

  it("drops characters XML cannot carry, and keeps the rest of the name", () => {
    const svg = productImageSvg({ ...gpu, name: "Bad\u0000\u0007 name \uD800 \u{1F600}" });
    expect(xmlProblem(svg)).toBeNull();
    expect(texts(svg).at(-1)).toBe("Bad name \u{1F600}");
  });

  it("gives each brand its own colours", () => {
    const msi = brandPalette("msi");
    expect(brandPalette("msi")).toEqual(msi);
    expect(brandPalette("asus").ink).not.toBe(msi.ink);
    expect(productImageSvg(gpu)).toContain(msi.ink);
    for (const colour of [msi.ink, msi.backgroundFrom, msi.dark.ink]) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe("productImageAlt", () => {
  it("says what the picture shows, on one line", () => {
    expect(productImageAlt(gpu)).toBe("Illustration of the MSI GeForce RTX 5090 32G Gaming Trio OC");
    expect(productImageAlt({ ...gpu, name: " Two\n lines " })).toBe("Illustration of the Two lines");
  });
});

describe("wrapText", () => {
  it("breaks between words within the width", () => {
    expect(wrapText("ASUS ROG Astral GeForce RTX 5090 OC 32GB", 16, 3)).toEqual(["ASUS ROG Astral", "GeForce RTX 5090", "OC 32GB"]);
  });

  it("cuts a word longer than a line, and ends text that does not fit in an ellipsis", () => {
    expect(wrapText("ABCDEFGHIJ", 4, 5)).toEqual(["ABCD", "EFGH", "IJ"]);
    expect(wrapText("one two three four five six", 9, 2)).toEqual(["one two", "three…"]);
    for (const line of wrapText("x".repeat(500), 32, 3)) expect([...line].length).toBeLessThanOrEqual(32);
  });

  it("folds whitespace and yields nothing for nothing", () => {
    expect(wrapText("  a \n\t b  ", 10, 2)).toEqual(["a b"]);
    expect(wrapText("   ", 10, 2)).toEqual([]);
  });
});

describe("hslToHex and escapeXml", () => {
  it("converts HSL colours", () => {
    expect(hslToHex(0, 100, 50)).toBe("#ff0000");
    expect(hslToHex(120, 100, 25)).toBe("#008000");
    expect(hslToHex(240, 100, 50)).toBe("#0000ff");
    expect(hslToHex(0, 0, 100)).toBe("#ffffff");
  });

  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&#60;a href=&#34;x&#34;&#62;&#38;&#39;");
  });
});

describe("productImageVersion", () => {
  it("changes with anything the picture shows, and only then", () => {
    const version = productImageVersion(gpu);
    expect(version).toMatch(PRODUCT_IMAGE_VERSION_PATTERN);
    expect(productImageVersion({ ...gpu })).toBe(version);
    expect(productImageVersion({ ...gpu, name: `${gpu.name} V2` })).not.toBe(version);
    expect(productImageVersion({ ...gpu, brand: { slug: "msi", name: "MSI Inc." } })).not.toBe(version);
    expect(productImageVersion({ ...gpu, category: { slug: "laptops", name: "Graphics cards" } })).not.toBe(version);
  });
});
