import { z } from "zod";
import type { CategorySlug } from "./categories.ts";

/*
 * The shape of `product.specs` per category. Strict objects, so a misspelt key in the seed data
 * fails validation instead of reaching the shop. Keys are snake_case: they are shown and filtered
 * on as they are stored in the jsonb column.
 */

const resolution = z.string().regex(/^\d{3,4}x\d{3,4}$/, "resolution must look like 1920x1080");
const positive = z.number().positive();
const count = z.int().positive();

export const laptopSpecsSchema = z.strictObject({
  cpu: z.string().min(2),
  gpu: z.string().min(2),
  ram_gb: count,
  storage_gb: count,
  display_in: positive.min(10).max(19),
  resolution,
  refresh_hz: count.max(500),
  weight_kg: positive.min(0.7).max(4.5),
  battery_wh: positive.max(100),
  os: z.enum(["Windows 11 Home", "Windows 11 Pro", "macOS"]),
});

export const desktopSpecsSchema = z.strictObject({
  form_factor: z.enum(["Tower", "Small form factor", "Mini PC", "All-in-one"]),
  cpu: z.string().min(2),
  gpu: z.string().min(2),
  ram_gb: count,
  storage_gb: count,
  psu_w: count,
  display_in: positive.nullable(),
  os: z.enum(["Windows 11 Home", "Windows 11 Pro", "macOS"]),
});

export const cpuSpecsSchema = z.strictObject({
  socket: z.enum(["AM4", "AM5", "sTR5", "LGA 1700", "LGA 1851"]),
  cores: count,
  threads: count,
  base_clock_ghz: positive.max(6),
  boost_clock_ghz: positive.max(6.5),
  l3_cache_mb: count,
  tdp_w: count,
  integrated_graphics: z.string().min(2).nullable(),
  cooler_included: z.boolean(),
});

export const gpuSpecsSchema = z.strictObject({
  chipset: z.string().regex(/^(GeForce RTX|Radeon RX|Arc) /),
  vram_gb: count,
  memory_type: z.enum(["GDDR6", "GDDR6X", "GDDR7"]),
  boost_clock_mhz: count,
  tdp_w: count,
  length_mm: positive,
  slots: positive.max(4),
  power_connectors: z.string().min(2),
  outputs: z.array(z.string().min(2)).min(1),
});

export const memorySpecsSchema = z.strictObject({
  type: z.enum(["DDR4", "DDR5"]),
  form_factor: z.enum(["DIMM", "SO-DIMM"]),
  capacity_gb: count,
  modules: count.max(4),
  speed_mts: count,
  cas_latency: count,
  voltage: positive.max(1.6),
  profile: z.enum(["XMP 2.0", "XMP 3.0", "EXPO", "XMP 3.0 / EXPO", "JEDEC"]),
  rgb: z.boolean(),
});

export const storageSpecsSchema = z.strictObject({
  kind: z.enum(["NVMe SSD", "SATA SSD", "HDD", "Portable SSD", "Portable HDD"]),
  capacity_gb: count,
  interface: z.string().min(2),
  form_factor: z.string().min(2),
  read_mbps: count,
  write_mbps: count,
  endurance_tbw: count.nullable(),
  rpm: count.nullable(),
});

export const monitorSpecsSchema = z.strictObject({
  size_in: positive.min(13).max(60),
  resolution,
  panel: z.enum(["IPS", "Fast IPS", "Nano IPS", "IPS Black", "VA", "Mini-LED VA", "TN", "OLED", "QD-OLED"]),
  refresh_hz: count.max(600),
  response_ms: positive.max(10),
  hdr: z.string().min(2).nullable(),
  ports: z.array(z.string().min(2)).min(1),
});

const connectivity = z.array(z.enum(["USB", "USB-C", "2.4 GHz", "Bluetooth", "3.5 mm"])).min(1);

export const peripheralSpecsSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("keyboard"),
    layout: z.enum(["Full-size", "96%", "TKL", "75%", "65%", "Compact"]),
    switches: z.string().min(2),
    hot_swappable: z.boolean(),
    backlight: z.enum(["RGB", "White", "None"]),
    connectivity,
    battery_h: count.nullable(),
  }),
  z.strictObject({
    kind: z.literal("mouse"),
    sensor: z.string().min(2),
    max_dpi: count,
    weight_g: count,
    buttons: count,
    connectivity,
    battery_h: count.nullable(),
  }),
  z.strictObject({
    kind: z.literal("headset"),
    driver_mm: count,
    microphone: z.enum(["Detachable boom", "Retractable boom", "Flip-to-mute boom", "Built-in"]),
    anc: z.boolean(),
    connectivity,
    battery_h: count.nullable(),
  }),
  z.strictObject({
    kind: z.literal("webcam"),
    resolution,
    max_fps: count,
    field_of_view_deg: count,
    autofocus: z.boolean(),
    connectivity,
  }),
]);

export const networkingSpecsSchema = z.strictObject({
  kind: z.enum(["Router", "Mesh system", "Gateway", "Switch", "Access point", "Network adapter"]),
  wifi_standard: z.enum(["Wi-Fi 5", "Wi-Fi 6", "Wi-Fi 6E", "Wi-Fi 7"]).nullable(),
  max_wireless_mbps: count.nullable(),
  ethernet_ports: z.int().nonnegative(),
  max_port_gbps: positive.nullable(),
  poe: z.boolean(),
  units: count,
});

export const SPECS_SCHEMAS = {
  laptops: laptopSpecsSchema,
  desktops: desktopSpecsSchema,
  cpus: cpuSpecsSchema,
  gpus: gpuSpecsSchema,
  memory: memorySpecsSchema,
  storage: storageSpecsSchema,
  monitors: monitorSpecsSchema,
  peripherals: peripheralSpecsSchema,
  networking: networkingSpecsSchema,
} as const satisfies Record<CategorySlug, z.ZodType>;

export type SpecsFor<C extends CategorySlug> = z.infer<(typeof SPECS_SCHEMAS)[C]>;
export type LaptopSpecs = SpecsFor<"laptops">;
export type DesktopSpecs = SpecsFor<"desktops">;
export type CpuSpecs = SpecsFor<"cpus">;
export type GpuSpecs = SpecsFor<"gpus">;
export type MemorySpecs = SpecsFor<"memory">;
export type StorageSpecs = SpecsFor<"storage">;
export type MonitorSpecs = SpecsFor<"monitors">;
export type PeripheralSpecs = SpecsFor<"peripherals">;
export type NetworkingSpecs = SpecsFor<"networking">;
