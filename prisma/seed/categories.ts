/** The shop's top-level categories, in the order the storefront lists them. */
export const CATEGORY_SLUGS = [
  "laptops",
  "desktops",
  "cpus",
  "gpus",
  "memory",
  "storage",
  "monitors",
  "peripherals",
  "networking",
] as const;

export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

export interface CategorySeed {
  readonly slug: CategorySlug;
  readonly name: string;
  readonly description: string;
  readonly sortOrder: number;
}

export const CATEGORIES: readonly CategorySeed[] = [
  {
    slug: "laptops",
    name: "Laptops",
    description: "Ultrabooks, business notebooks, creator machines and gaming laptops.",
    sortOrder: 10,
  },
  {
    slug: "desktops",
    name: "Desktops",
    description: "Gaming towers, mini PCs, all-in-ones and compact office desktops.",
    sortOrder: 20,
  },
  {
    slug: "cpus",
    name: "Processors",
    description: "Desktop CPUs from AMD and Intel for AM4, AM5, LGA 1700 and LGA 1851 builds.",
    sortOrder: 30,
  },
  {
    slug: "gpus",
    name: "Graphics Cards",
    description: "GeForce, Radeon and Arc graphics cards for gaming, streaming and AI work.",
    sortOrder: 40,
  },
  {
    slug: "memory",
    name: "Memory",
    description: "DDR4 and DDR5 desktop kits and SO-DIMMs for laptops and mini PCs.",
    sortOrder: 50,
  },
  {
    slug: "storage",
    name: "Storage",
    description: "NVMe and SATA SSDs, desktop and NAS hard drives, and portable drives.",
    sortOrder: 60,
  },
  {
    slug: "monitors",
    name: "Monitors",
    description: "Office, creator and high-refresh gaming monitors, from 24-inch IPS to OLED.",
    sortOrder: 70,
  },
  {
    slug: "peripherals",
    name: "Peripherals",
    description: "Keyboards, mice, headsets and webcams for work and play.",
    sortOrder: 80,
  },
  {
    slug: "networking",
    name: "Networking",
    description: "Wi-Fi routers, mesh systems, switches, access points and network adapters.",
    sortOrder: 90,
  },
];
