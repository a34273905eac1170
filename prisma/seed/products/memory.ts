import type { MemorySpecs } from "../specs.ts";
import type { ProductEntry } from "../types.ts";

export const memory: readonly ProductEntry<MemorySpecs>[] = [
  {
    name: "Corsair Vengeance RGB DDR5-6000 32GB (2x16GB) CL36",
    brand: "Corsair",
    priceCents: 109_99,
    description:
      "A popular DDR5 kit with ten-zone RGB lighting and an Intel XMP 3.0 profile. Tuned for the 6000 MT/s sweet spot of current platforms.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 6000, cas_latency: 36, voltage: 1.35, profile: "XMP 3.0", rgb: true },
  },
  {
    name: "Corsair Vengeance DDR5-5600 64GB (2x32GB) CL40",
    brand: "Corsair",
    priceCents: 179_99,
    description:
      "Sixty-four gigabytes of low-profile DDR5 for workstations, virtual machines and big projects. Fits under large air coolers.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 64, modules: 2, speed_mts: 5600, cas_latency: 40, voltage: 1.25, profile: "XMP 3.0", rgb: false },
  },
  {
    name: "Corsair Dominator Titanium RGB DDR5-6600 32GB (2x16GB) CL32",
    brand: "Corsair",
    priceCents: 219_99,
    description:
      "Corsair's premium DDR5 with hand-screened ICs, a machined aluminium heat spreader and swappable light bars. Tight CL32 timings at 6600 MT/s.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 6600, cas_latency: 32, voltage: 1.4, profile: "XMP 3.0", rgb: true },
  },
  {
    name: "Corsair Vengeance DDR5-6400 96GB (2x48GB) CL32",
    brand: "Corsair",
    priceCents: 299_99,
    description:
      "Ninety-six gigabytes in just two modules, so four-slot boards keep room to grow. Ideal for local AI models and large datasets.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 96, modules: 2, speed_mts: 6400, cas_latency: 32, voltage: 1.4, profile: "XMP 3.0", rgb: false },
  },
  {
    name: "Corsair Vengeance LPX DDR4-3200 32GB (2x16GB) CL16",
    brand: "Corsair",
    priceCents: 64_99,
    description:
      "The classic low-profile DDR4 kit for AM4 and older Intel builds. Reliable XMP 2.0 at 3200 MT/s.",
    specs: { type: "DDR4", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 3200, cas_latency: 16, voltage: 1.35, profile: "XMP 2.0", rgb: false },
  },
  {
    name: "G.Skill Trident Z5 RGB DDR5-6400 32GB (2x16GB) CL32",
    brand: "G.Skill",
    priceCents: 129_99,
    description:
      "Fast, low-latency DDR5 with G.Skill's signature light bar and brushed aluminium fins. Validated on Intel Z790 boards.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 6400, cas_latency: 32, voltage: 1.4, profile: "XMP 3.0", rgb: true },
  },
  {
    name: "G.Skill Trident Z5 Neo RGB DDR5-6000 32GB (2x16GB) CL30",
    brand: "G.Skill",
    priceCents: 114_99,
    description:
      "An AMD EXPO kit tuned for Ryzen 7000 and 9000 at the 6000 MT/s, CL30 sweet spot. A favourite for X3D gaming builds.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 6000, cas_latency: 30, voltage: 1.35, profile: "EXPO", rgb: true },
  },
  {
    name: "G.Skill Flare X5 DDR5-6000 32GB (2x16GB) CL30",
    brand: "G.Skill",
    priceCents: 99_99,
    description:
      "Low-profile, no-RGB DDR5 with an EXPO profile for AM5. Clears even the tallest tower coolers.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 6000, cas_latency: 30, voltage: 1.35, profile: "EXPO", rgb: false },
  },
  {
    name: "G.Skill Ripjaws S5 DDR5-6000 48GB (2x24GB) CL30",
    brand: "G.Skill",
    priceCents: 134_99,
    description:
      "Non-binary 24 GB modules give you 48 GB in a dual-channel pair. A practical step up from 32 GB without the cost of 64 GB.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 48, modules: 2, speed_mts: 6000, cas_latency: 30, voltage: 1.35, profile: "XMP 3.0", rgb: false },
  },
  {
    name: "G.Skill Ripjaws V DDR4-3600 32GB (2x16GB) CL16",
    brand: "G.Skill",
    priceCents: 74_99,
    description:
      "A fast DDR4 kit that suits Ryzen 5000 CPUs perfectly at 3600 MT/s. Proven compatibility across B450, B550 and X570 boards.",
    specs: { type: "DDR4", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 3600, cas_latency: 16, voltage: 1.35, profile: "XMP 2.0", rgb: false },
  },
  {
    name: "Kingston Fury Beast DDR5-5600 32GB (2x16GB) CL36",
    brand: "Kingston",
    priceCents: 94_99,
    description:
      "Plug-and-play DDR5 with both Intel XMP 3.0 and AMD EXPO profiles. A safe choice for any modern build.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 5600, cas_latency: 36, voltage: 1.25, profile: "XMP 3.0 / EXPO", rgb: false },
  },
  {
    name: "Kingston Fury Renegade RGB DDR5-7200 32GB (2x16GB) CL38",
    brand: "Kingston",
    priceCents: 164_99,
    description:
      "High-frequency DDR5 for enthusiasts with Z790 boards that can drive 7200 MT/s. Infrared-synced RGB across modules.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 7200, cas_latency: 38, voltage: 1.45, profile: "XMP 3.0", rgb: true },
  },
  {
    name: "Kingston Fury Beast DDR4-3200 16GB (2x8GB) CL16",
    brand: "Kingston",
    priceCents: 39_99,
    description:
      "An affordable 16 GB DDR4 kit for office PCs and entry gaming builds. Automatic overclocking to its rated speed.",
    specs: { type: "DDR4", form_factor: "DIMM", capacity_gb: 16, modules: 2, speed_mts: 3200, cas_latency: 16, voltage: 1.35, profile: "XMP 2.0", rgb: false },
  },
  {
    name: "Kingston ValueRAM DDR5-5600 16GB SO-DIMM CL46",
    brand: "Kingston",
    priceCents: 49_99,
    description:
      "A single 16 GB DDR5 SO-DIMM for upgrading laptops and mini PCs. Standard JEDEC timings for broad compatibility.",
    specs: { type: "DDR5", form_factor: "SO-DIMM", capacity_gb: 16, modules: 1, speed_mts: 5600, cas_latency: 46, voltage: 1.1, profile: "JEDEC", rgb: false },
  },
  {
    name: "Kingston Fury Impact DDR5-5600 32GB (2x16GB) SO-DIMM CL40",
    brand: "Kingston",
    priceCents: 99_99,
    description:
      "Performance SO-DIMMs for gaming laptops and NUC-style systems. Auto-configures to the fastest speed the system supports.",
    specs: { type: "DDR5", form_factor: "SO-DIMM", capacity_gb: 32, modules: 2, speed_mts: 5600, cas_latency: 40, voltage: 1.1, profile: "XMP 3.0", rgb: false },
  },
  {
    name: "Crucial Pro DDR5-5600 64GB (2x32GB) CL46",
    brand: "Crucial",
    priceCents: 159_99,
    description:
      "Micron-made DDR5 with a sleek heat spreader and support for both XMP 3.0 and EXPO. A dependable 64 GB upgrade.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 64, modules: 2, speed_mts: 5600, cas_latency: 46, voltage: 1.1, profile: "XMP 3.0 / EXPO", rgb: false },
  },
  {
    name: "Crucial Pro Overclocking DDR5-6000 32GB (2x16GB) CL36",
    brand: "Crucial",
    priceCents: 104_99,
    description:
      "Crucial's tuned DDR5 with a black aluminium heat spreader. Runs 6000 MT/s on both AMD and Intel platforms.",
    specs: { type: "DDR5", form_factor: "DIMM", capacity_gb: 32, modules: 2, speed_mts: 6000, cas_latency: 36, voltage: 1.35, profile: "XMP 3.0 / EXPO", rgb: false },
  },
  {
    name: "Crucial DDR5-5600 32GB SO-DIMM CL46",
    brand: "Crucial",
    priceCents: 79_99,
    description:
      "A single 32 GB DDR5 laptop module from Micron. Doubles the memory of many thin-and-light laptops in minutes.",
    specs: { type: "DDR5", form_factor: "SO-DIMM", capacity_gb: 32, modules: 1, speed_mts: 5600, cas_latency: 46, voltage: 1.1, profile: "JEDEC", rgb: false },
  },
  {
    name: "Crucial DDR4-3200 16GB SO-DIMM CL22",
    brand: "Crucial",
    priceCents: 34_99,
    description:
      "A 16 GB DDR4 laptop module that brings older notebooks back to speed. Backed by a limited lifetime warranty.",
    specs: { type: "DDR4", form_factor: "SO-DIMM", capacity_gb: 16, modules: 1, speed_mts: 3200, cas_latency: 22, voltage: 1.2, profile: "JEDEC", rgb: false },
  },
];
