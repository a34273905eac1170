/**
 * Turns a product's `specs` (a flat record such as `{ ram_gb: 32, panel: "IPS", hdr: null }`)
 * into rows a shopper can read: `{ label: "RAM", value: "32 GB" }`.
 *
 * Keys are snake_case (or camelCase) words; a trailing unit word (`_gb`, `_ghz`, `_w`, ...) is
 * taken off the label and appended to the value. Keys the catalog seed uses get hand-written
 * labels and a fixed order (`SPEC_ORDER`); any other key still gets a sensible label.
 */

/** A spec value as stored: text, a number, a flag, "not applicable" (null) or a short list. */
export type SpecValue = string | number | boolean | null | ReadonlyArray<string | number>;

export interface FormattedSpec {
  key: string;
  label: string;
  value: string;
}

/** Shown for a null value ("this product has none / it does not apply"). */
export const NOT_APPLICABLE = "—";

/** Trailing key words that are units, and how they are written after a value. */
const UNITS: Readonly<Record<string, string>> = {
  kb: "KB",
  mb: "MB",
  gb: "GB",
  tb: "TB",
  hz: "Hz",
  khz: "kHz",
  mhz: "MHz",
  ghz: "GHz",
  mts: "MT/s",
  mbs: "MB/s",
  gbs: "GB/s",
  kbps: "Kbps",
  mbps: "Mbps",
  gbps: "Gbps",
  w: "W",
  wh: "Wh",
  mah: "mAh",
  volts: "V",
  amps: "A",
  mm: "mm",
  cm: "cm",
  m: "m",
  in: "in",
  inch: "in",
  inches: "in",
  g: "g",
  kg: "kg",
  lb: "lb",
  lbs: "lb",
  ms: "ms",
  ns: "ns",
  nm: "nm",
  h: "h",
  hours: "h",
  deg: "°",
  nits: "nits",
  dpi: "DPI",
  rpm: "RPM",
  fps: "fps",
  tbw: "TBW",
  db: "dB",
  dba: "dBA",
  pct: "%",
  percent: "%",
  years: "years",
  months: "months",
};

/** Units written without a space: "95%", "90°". */
const UNSPACED_UNITS = new Set(["%", "°"]);

/** Transfer-rate units: `read_mbps` reads "Read speed", not "Read". */
const RATE_UNITS = new Set(["MT/s", "MB/s", "GB/s", "Kbps", "Mbps", "Gbps"]);

/** Label words that only qualify a unit: `max_dpi` stays "Max DPI" rather than "Max". */
const QUALIFIERS = new Set(["max", "min", "maximum", "minimum", "peak", "typical", "native"]);

interface KeyRule {
  label?: string;
  /** Overrides (or adds) the unit; null for none. */
  unit?: string | null;
  /** Capitalise the first letter of a text value ("keyboard" → "Keyboard"). */
  capitalise?: boolean;
}

/** Keys of the catalog whose label or unit the generic rules would get wrong or clumsy. */
const KEY_RULES: Readonly<Record<string, KeyRule>> = {
  kind: { label: "Type", capitalise: true },
  cpu: { label: "Processor" },
  gpu: { label: "Graphics" },
  os: { label: "Operating system" },
  display_in: { label: "Display" },
  size_in: { label: "Screen size" },
  refresh_hz: { label: "Refresh rate" },
  response_ms: { label: "Response time" },
  battery_wh: { label: "Battery" },
  battery_h: { label: "Battery life" },
  psu_w: { label: "Power supply" },
  voltage: { unit: "V" },
  // Storage speeds are megabytes per second, whatever the key says.
  read_mbps: { label: "Read speed", unit: "MB/s" },
  write_mbps: { label: "Write speed", unit: "MB/s" },
  rpm: { label: "Spindle speed", unit: "RPM" },
  driver_mm: { label: "Driver size" },
  anc: { label: "Active noise cancelling" },
  max_fps: { label: "Max frame rate" },
  hot_swappable: { label: "Hot-swappable switches" },
  units: { label: "Units in pack" },
  wifi: { label: "Wi-Fi" },
  m2_slots: { label: "M.2 slots" },
  usb_c_ports: { label: "USB-C ports" },
  usb_a_ports: { label: "USB-A ports" },
};

/** Words written in a fixed way wherever they appear in a label. */
const WORDS: Readonly<Record<string, string>> = {
  ram: "RAM",
  vram: "VRAM",
  cpu: "CPU",
  gpu: "GPU",
  tdp: "TDP",
  psu: "PSU",
  ssd: "SSD",
  hdd: "HDD",
  nvme: "NVMe",
  pcie: "PCIe",
  sata: "SATA",
  m2: "M.2",
  usb: "USB",
  hdmi: "HDMI",
  dp: "DisplayPort",
  displayport: "DisplayPort",
  thunderbolt: "Thunderbolt",
  bluetooth: "Bluetooth",
  wifi: "Wi-Fi",
  lan: "LAN",
  wan: "WAN",
  poe: "PoE",
  rj45: "RJ45",
  sfp: "SFP",
  rgb: "RGB",
  ips: "IPS",
  oled: "OLED",
  hdr: "HDR",
  srgb: "sRGB",
  dci: "DCI",
  vesa: "VESA",
  atx: "ATX",
  itx: "ITX",
  ecc: "ECC",
  cas: "CAS",
  xmp: "XMP",
  expo: "EXPO",
  tbw: "TBW",
  mtbf: "MTBF",
  os: "OS",
  io: "I/O",
  id: "ID",
  led: "LED",
  lcd: "LCD",
  ai: "AI",
  npu: "NPU",
  tops: "TOPS",
  nfc: "NFC",
  anc: "ANC",
  dpi: "DPI",
  rpm: "RPM",
  fps: "FPS",
  l1: "L1",
  l2: "L2",
  l3: "L3",
};

/** `ddr5`, `gddr6x`, `lpddr5x` → upper case. */
const MEMORY_GENERATION = /^(lp)?g?ddr\d+x?$/;

/**
 * The order rows appear in: the catalog's keys, grouped the way a shopper compares products.
 * Keys not listed follow, by label.
 */
export const SPEC_ORDER: readonly string[] = [
  "kind", "type", "chipset", "form_factor", "socket", "cpu", "gpu", "cores", "threads",
  "base_clock_ghz", "boost_clock_ghz", "boost_clock_mhz", "l3_cache_mb", "integrated_graphics",
  "vram_gb", "memory_type", "capacity_gb", "modules", "speed_mts", "cas_latency", "voltage",
  "profile", "ram_gb", "storage_gb", "interface", "read_mbps", "write_mbps", "endurance_tbw", "rpm",
  "display_in", "size_in", "resolution", "panel", "refresh_hz", "response_ms", "hdr",
  "layout", "switches", "hot_swappable", "backlight", "sensor", "max_dpi", "buttons", "driver_mm",
  "microphone", "anc", "max_fps", "field_of_view_deg", "autofocus",
  "wifi_standard", "max_wireless_mbps", "ethernet_ports", "max_port_gbps", "poe", "units",
  "ports", "outputs", "connectivity", "power_connectors", "tdp_w", "psu_w", "cooler_included",
  "length_mm", "slots", "rgb", "battery_wh", "battery_h", "weight_kg", "weight_g", "os",
];

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

function splitKey(key: string): string[] {
  return key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[_\s-]+/)
    .filter((word) => word.length > 0);
}

function normaliseKey(key: string): string {
  return splitKey(key).join("_");
}

interface KeyParts {
  labelWords: string[];
  unit: string | null;
}

/** Splits `boost_clock_ghz` into label words ["boost", "clock"] and the unit "GHz". */
function keyParts(key: string): KeyParts {
  const words = splitKey(key);
  const last = words[words.length - 1];
  const unit = words.length >= 2 && last !== undefined ? UNITS[last] : undefined;
  if (unit === undefined) return { labelWords: words, unit: null };
  const labelWords = words.slice(0, -1);
  // "max_dpi": the unit word is what is being qualified, so it stays in the label.
  if (labelWords.every((word) => QUALIFIERS.has(word))) return { labelWords: words, unit: null };
  return { labelWords, unit };
}

/** The unit a key's values are given in (`ram_gb` → "GB"), or null. */
export function specUnit(key: string): string | null {
  const rule = KEY_RULES[normaliseKey(key)];
  if (rule?.unit !== undefined) return rule.unit;
  return keyParts(key).unit;
}

function formatWord(word: string, first: boolean): string {
  const fixed = WORDS[word];
  if (fixed !== undefined) return fixed;
  if (MEMORY_GENERATION.test(word)) return word.toUpperCase();
  return first ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** `ram_gb` → "RAM", `boost_clock_ghz` → "Boost clock", `read_mbps` → "Read speed". */
export function formatSpecLabel(key: string): string {
  const fixed = KEY_RULES[normaliseKey(key)]?.label;
  if (fixed !== undefined) return fixed;
  const { labelWords, unit } = keyParts(key);
  if (labelWords.length === 0) return key;
  const words = labelWords.map((word, index) => formatWord(word, index === 0));
  if (unit !== null && RATE_UNITS.has(unit) && !labelWords.includes("speed")) words.push("speed");
  return words.join(" ");
}

function withUnit(amount: string, unit: string | null): string {
  if (unit === null) return amount;
  return UNSPACED_UNITS.has(unit) ? `${amount}${unit}` : `${amount} ${unit}`;
}

function formatNumber(value: number, unit: string | null): string {
  if (!Number.isFinite(value)) return String(value);
  // Capacities read better in terabytes: 2000 GB → "2 TB", 1500 → "1.5 TB", 1024 → "1 TB".
  if (unit === "GB" && value >= 1000) {
    if (value % 100 === 0) return withUnit(numberFormat.format(value / 1000), "TB");
    if (value % 1024 === 0) return withUnit(numberFormat.format(value / 1024), "TB");
  }
  return withUnit(numberFormat.format(value), unit);
}

function formatText(text: string, unit: string | null, capitalise: boolean): string {
  const trimmed = text.trim();
  // A number stored as text ("32") still gets its unit.
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return formatNumber(Number(trimmed), unit);
  // Resolutions: "2560x1440" → "2560 × 1440".
  const resolution = /^(\d{3,5})\s*[xX×]\s*(\d{3,5})$/.exec(trimmed);
  if (resolution) return `${resolution[1]} × ${resolution[2]}`;
  return capitalise ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed;
}

/**
 * `("ram_gb", 32)` → "32 GB", `("cooler_included", true)` → "Yes", `("ports", ["HDMI 2.1", "DP
 * 1.4"])` → "HDMI 2.1, DP 1.4", `("hdr", null)` → "—".
 */
export function formatSpecValue(key: string, value: SpecValue): string {
  if (value === null) return NOT_APPLICABLE;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const unit = specUnit(key);
  if (typeof value === "number") return formatNumber(value, unit);
  const capitalise = KEY_RULES[normaliseKey(key)]?.capitalise === true;
  if (typeof value === "string") return formatText(value, unit, capitalise);
  if (value.length === 0) return NOT_APPLICABLE;
  return value
    .map((item) => (typeof item === "number" ? formatNumber(item, unit) : formatText(item, unit, capitalise)))
    .join(", ");
}

const ORDER_INDEX = new Map(SPEC_ORDER.map((key, index) => [key, index]));

/** Every spec as a display row: catalog keys in `SPEC_ORDER`, then any others by label. */
export function formatSpecs(specs: Readonly<Record<string, SpecValue>>): FormattedSpec[] {
  const rows = Object.entries(specs).map(([key, value]) => ({
    key,
    label: formatSpecLabel(key),
    value: formatSpecValue(key, value),
    rank: ORDER_INDEX.get(normaliseKey(key)) ?? SPEC_ORDER.length,
  }));
  rows.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.label.localeCompare(b.label, "en", { sensitivity: "base" }) ||
      a.key.localeCompare(b.key),
  );
  return rows.map(({ key, label, value }) => ({ key, label, value }));
}
