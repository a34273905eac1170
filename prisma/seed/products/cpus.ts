import type { CpuSpecs } from "../specs.ts";
import type { ProductEntry } from "../types.ts";

type Cpu = ProductEntry<CpuSpecs>;

function amd(name: string, priceCents: number, description: string, specs: CpuSpecs, stock?: number): Cpu {
  return { name: `AMD ${name}`, brand: "AMD", priceCents, description, specs, ...(stock === undefined ? {} : { stock }) };
}

function intel(name: string, priceCents: number, description: string, specs: CpuSpecs, stock?: number): Cpu {
  return { name: `Intel ${name}`, brand: "Intel", priceCents, description, specs, ...(stock === undefined ? {} : { stock }) };
}

const RADEON_2CU = "AMD Radeon Graphics (2 CU)";

export const cpus: readonly Cpu[] = [
  amd(
    "Ryzen 9 9950X",
    649_00,
    "Sixteen Zen 5 cores for heavy compiling, rendering and encoding. Boosts to 5.7 GHz on the AM5 platform.",
    { socket: "AM5", cores: 16, threads: 32, base_clock_ghz: 4.3, boost_clock_ghz: 5.7, l3_cache_mb: 64, tdp_w: 170, integrated_graphics: RADEON_2CU, cooler_included: false },
  ),
  amd(
    "Ryzen 9 9900X",
    499_00,
    "Twelve Zen 5 cores at a 120 W TDP. A strong workstation chip that stays easy to cool.",
    { socket: "AM5", cores: 12, threads: 24, base_clock_ghz: 4.4, boost_clock_ghz: 5.6, l3_cache_mb: 64, tdp_w: 120, integrated_graphics: RADEON_2CU, cooler_included: false },
  ),
  amd(
    "Ryzen 7 9700X",
    359_00,
    "Eight efficient Zen 5 cores at 65 W for gaming and productivity builds. Runs comfortably on a mid-range air cooler.",
    { socket: "AM5", cores: 8, threads: 16, base_clock_ghz: 3.8, boost_clock_ghz: 5.5, l3_cache_mb: 32, tdp_w: 65, integrated_graphics: RADEON_2CU, cooler_included: false },
  ),
  amd(
    "Ryzen 5 9600X",
    279_00,
    "Six Zen 5 cores with AVX-512 and a 65 W TDP. The sensible start for a new AM5 gaming PC.",
    { socket: "AM5", cores: 6, threads: 12, base_clock_ghz: 3.9, boost_clock_ghz: 5.4, l3_cache_mb: 32, tdp_w: 65, integrated_graphics: RADEON_2CU, cooler_included: false },
  ),
  amd(
    "Ryzen 7 9800X3D",
    479_00,
    "The fastest gaming CPU we sell, with 96 MB of L3 thanks to second-generation 3D V-Cache. The cache die now sits under the cores, allowing higher clocks.",
    { socket: "AM5", cores: 8, threads: 16, base_clock_ghz: 4.7, boost_clock_ghz: 5.2, l3_cache_mb: 96, tdp_w: 120, integrated_graphics: RADEON_2CU, cooler_included: false },
    0,
  ),
  amd(
    "Ryzen 9 7950X3D",
    599_00,
    "Sixteen cores with 128 MB of L3 for people who game and render on the same machine. Scheduler-aware cache placement favours games automatically.",
    { socket: "AM5", cores: 16, threads: 32, base_clock_ghz: 4.2, boost_clock_ghz: 5.7, l3_cache_mb: 128, tdp_w: 120, integrated_graphics: RADEON_2CU, cooler_included: false },
  ),
  amd(
    "Ryzen 7 7800X3D",
    449_00,
    "An eight-core gaming favourite with 96 MB of 3D V-Cache. Excellent frame rates at very low power draw.",
    { socket: "AM5", cores: 8, threads: 16, base_clock_ghz: 4.2, boost_clock_ghz: 5.0, l3_cache_mb: 96, tdp_w: 120, integrated_graphics: RADEON_2CU, cooler_included: false },
  ),
  amd(
    "Ryzen 5 7600",
    199_00,
    "A six-core AM5 processor that ships with a Wraith Stealth cooler. The budget route onto DDR5 and PCIe 5.0.",
    { socket: "AM5", cores: 6, threads: 12, base_clock_ghz: 3.8, boost_clock_ghz: 5.1, l3_cache_mb: 32, tdp_w: 65, integrated_graphics: RADEON_2CU, cooler_included: true },
  ),
  amd(
    "Ryzen 7 8700G",
    329_00,
    "An APU with Radeon 780M graphics that plays esports titles without a graphics card. Eight Zen 4 cores and a built-in Ryzen AI NPU.",
    { socket: "AM5", cores: 8, threads: 16, base_clock_ghz: 4.2, boost_clock_ghz: 5.1, l3_cache_mb: 16, tdp_w: 65, integrated_graphics: "AMD Radeon 780M", cooler_included: true },
  ),
  amd(
    "Ryzen 5 8600G",
    229_00,
    "Six Zen 4 cores and Radeon 760M graphics for compact builds without a discrete GPU. Includes a Wraith Stealth cooler.",
    { socket: "AM5", cores: 6, threads: 12, base_clock_ghz: 4.3, boost_clock_ghz: 5.0, l3_cache_mb: 16, tdp_w: 65, integrated_graphics: "AMD Radeon 760M", cooler_included: true },
  ),
  amd(
    "Ryzen 7 5700X3D",
    249_00,
    "A drop-in gaming upgrade for AM4 boards with 96 MB of 3D V-Cache. Keep your DDR4 and gain a big jump in frame rates.",
    { socket: "AM4", cores: 8, threads: 16, base_clock_ghz: 3.0, boost_clock_ghz: 4.1, l3_cache_mb: 96, tdp_w: 105, integrated_graphics: null, cooler_included: false },
  ),
  amd(
    "Ryzen 5 5600",
    129_00,
    "A six-core AM4 value champion with a bundled Wraith Stealth cooler. Pairs well with affordable B550 boards and DDR4.",
    { socket: "AM4", cores: 6, threads: 12, base_clock_ghz: 3.5, boost_clock_ghz: 4.4, l3_cache_mb: 32, tdp_w: 65, integrated_graphics: null, cooler_included: true },
  ),
  amd(
    "Ryzen Threadripper 7960X",
    1_499_00,
    "Twenty-four Zen 4 cores and 48 PCIe 5.0 lanes for HEDT workstations. Quad-channel DDR5 RDIMM support on TRX50 boards.",
    { socket: "sTR5", cores: 24, threads: 48, base_clock_ghz: 4.2, boost_clock_ghz: 5.3, l3_cache_mb: 128, tdp_w: 350, integrated_graphics: null, cooler_included: false },
  ),
  intel(
    "Core i9-14900K",
    549_00,
    "Twenty-four cores (8 P + 16 E) that boost to 6.0 GHz out of the box. Needs a capable 360 mm liquid cooler to stretch its legs.",
    { socket: "LGA 1700", cores: 24, threads: 32, base_clock_ghz: 3.2, boost_clock_ghz: 6.0, l3_cache_mb: 36, tdp_w: 125, integrated_graphics: "Intel UHD Graphics 770", cooler_included: false },
  ),
  intel(
    "Core i9-14900KF",
    529_00,
    "The i9-14900K without integrated graphics, for builds that always run a graphics card. Same 6.0 GHz boost.",
    { socket: "LGA 1700", cores: 24, threads: 32, base_clock_ghz: 3.2, boost_clock_ghz: 6.0, l3_cache_mb: 36, tdp_w: 125, integrated_graphics: null, cooler_included: false },
  ),
  intel(
    "Core i7-14700K",
    399_00,
    "Twenty cores (8 P + 12 E) for high-refresh gaming and serious multitasking. Unlocked for overclocking on Z790 boards.",
    { socket: "LGA 1700", cores: 20, threads: 28, base_clock_ghz: 3.4, boost_clock_ghz: 5.6, l3_cache_mb: 33, tdp_w: 125, integrated_graphics: "Intel UHD Graphics 770", cooler_included: false },
  ),
  intel(
    "Core i5-14600K",
    319_00,
    "Fourteen cores and a 5.3 GHz boost make this the mid-range gaming sweet spot on LGA 1700. Works with DDR4 or DDR5 boards.",
    { socket: "LGA 1700", cores: 14, threads: 20, base_clock_ghz: 3.5, boost_clock_ghz: 5.3, l3_cache_mb: 24, tdp_w: 125, integrated_graphics: "Intel UHD Graphics 770", cooler_included: false },
  ),
  intel(
    "Core i5-14400F",
    199_00,
    "Ten cores for a budget gaming build, with Intel's Laminar cooler in the box. Pairs with B760 boards and DDR4 or DDR5.",
    { socket: "LGA 1700", cores: 10, threads: 16, base_clock_ghz: 2.5, boost_clock_ghz: 4.7, l3_cache_mb: 20, tdp_w: 65, integrated_graphics: null, cooler_included: true },
  ),
  intel(
    "Core i3-14100F",
    109_00,
    "A quad-core, eight-thread entry processor for office PCs and starter gaming rigs. Boxed cooler included.",
    { socket: "LGA 1700", cores: 4, threads: 8, base_clock_ghz: 3.5, boost_clock_ghz: 4.7, l3_cache_mb: 12, tdp_w: 58, integrated_graphics: null, cooler_included: true },
  ),
  intel(
    "Core Ultra 9 285K",
    589_00,
    "Intel's Arrow Lake flagship with 24 cores, an NPU and much lower power draw than the 14th generation. Requires a new LGA 1851 board and DDR5.",
    { socket: "LGA 1851", cores: 24, threads: 24, base_clock_ghz: 3.7, boost_clock_ghz: 5.7, l3_cache_mb: 36, tdp_w: 125, integrated_graphics: "Intel Graphics (4 Xe cores)", cooler_included: false },
  ),
  intel(
    "Core Ultra 7 265K",
    394_00,
    "Twenty cores on LGA 1851 with Thunderbolt 4 support built into the platform. Strong multi-threaded performance per watt.",
    { socket: "LGA 1851", cores: 20, threads: 20, base_clock_ghz: 3.9, boost_clock_ghz: 5.5, l3_cache_mb: 30, tdp_w: 125, integrated_graphics: "Intel Graphics (4 Xe cores)", cooler_included: false },
  ),
  intel(
    "Core Ultra 7 265KF",
    379_00,
    "The Core Ultra 7 265K without integrated graphics, for systems with a dedicated GPU. Twenty cores, unlocked.",
    { socket: "LGA 1851", cores: 20, threads: 20, base_clock_ghz: 3.9, boost_clock_ghz: 5.5, l3_cache_mb: 30, tdp_w: 125, integrated_graphics: null, cooler_included: false },
  ),
  intel(
    "Core Ultra 5 245K",
    309_00,
    "Fourteen cores on Intel's newest desktop platform, with an NPU for local AI features. Cool-running and unlocked.",
    { socket: "LGA 1851", cores: 14, threads: 14, base_clock_ghz: 4.2, boost_clock_ghz: 5.2, l3_cache_mb: 24, tdp_w: 125, integrated_graphics: "Intel Graphics (4 Xe cores)", cooler_included: false },
  ),
];
