import type { StorageSpecs } from "../specs.ts";
import type { ProductEntry } from "../types.ts";

const PCIE4 = "PCIe 4.0 x4 NVMe";
const PCIE5 = "PCIe 5.0 x4 NVMe";
const M2 = "M.2 2280";

export const storage: readonly ProductEntry<StorageSpecs>[] = [
  {
    name: "Samsung 990 PRO 2TB NVMe SSD",
    brand: "Samsung",
    priceCents: 169_99,
    description:
      "One of the fastest PCIe 4.0 drives available, with sequential reads up to 7,450 MB/s. A top pick for gaming PCs and the PS5.",
    specs: { kind: "NVMe SSD", capacity_gb: 2000, interface: PCIE4, form_factor: M2, read_mbps: 7450, write_mbps: 6900, endurance_tbw: 1200, rpm: null },
  },
  {
    name: "Samsung 990 PRO 4TB NVMe SSD",
    brand: "Samsung",
    priceCents: 319_99,
    description:
      "Four terabytes of flagship PCIe 4.0 performance for large game libraries and video projects. Rated for 2,400 TB written.",
    specs: { kind: "NVMe SSD", capacity_gb: 4000, interface: PCIE4, form_factor: M2, read_mbps: 7450, write_mbps: 6900, endurance_tbw: 2400, rpm: null },
  },
  {
    name: "Samsung 990 EVO Plus 1TB NVMe SSD",
    brand: "Samsung",
    priceCents: 89_99,
    description:
      "A DRAM-less drive that still reaches 7,150 MB/s and runs cool. Works in PCIe 4.0 x4 and PCIe 5.0 x2 slots.",
    specs: { kind: "NVMe SSD", capacity_gb: 1000, interface: "PCIe 4.0 x4 / 5.0 x2 NVMe", form_factor: M2, read_mbps: 7150, write_mbps: 6300, endurance_tbw: 600, rpm: null },
  },
  {
    name: "Samsung 9100 PRO 2TB NVMe SSD",
    brand: "Samsung",
    priceCents: 249_99,
    description:
      "Samsung's first PCIe 5.0 consumer SSD, reading at up to 14,700 MB/s. For the newest AM5 and LGA 1851 boards.",
    specs: { kind: "NVMe SSD", capacity_gb: 2000, interface: PCIE5, form_factor: M2, read_mbps: 14700, write_mbps: 13400, endurance_tbw: 1200, rpm: null },
  },
  {
    name: "Samsung 870 EVO 1TB SATA SSD",
    brand: "Samsung",
    priceCents: 89_99,
    description:
      "The reliable 2.5-inch SATA SSD for reviving older laptops and desktops. Five-year warranty and Samsung Magician software.",
    specs: { kind: "SATA SSD", capacity_gb: 1000, interface: "SATA III 6 Gb/s", form_factor: "2.5 inch", read_mbps: 560, write_mbps: 530, endurance_tbw: 600, rpm: null },
  },
  {
    name: "Samsung T7 Shield 2TB Portable SSD",
    brand: "Samsung",
    priceCents: 159_99,
    description:
      "A rugged, IP65 portable SSD wrapped in rubber that survives three-metre drops. USB-C at up to 1,050 MB/s.",
    specs: { kind: "Portable SSD", capacity_gb: 2000, interface: "USB 3.2 Gen 2 (USB-C)", form_factor: "Portable", read_mbps: 1050, write_mbps: 1000, endurance_tbw: null, rpm: null },
  },
  {
    name: "WD_BLACK SN850X 2TB NVMe SSD",
    brand: "WD",
    priceCents: 149_99,
    description:
      "A gaming-focused PCIe 4.0 SSD with Game Mode 2.0 and 7,300 MB/s reads. Also a great fit for the PS5 expansion slot.",
    specs: { kind: "NVMe SSD", capacity_gb: 2000, interface: PCIE4, form_factor: M2, read_mbps: 7300, write_mbps: 6600, endurance_tbw: 1200, rpm: null },
  },
  {
    name: "WD_BLACK SN850X 1TB NVMe SSD",
    brand: "WD",
    priceCents: 89_99,
    description:
      "The 1 TB SN850X for boot drives and fast game storage. Predictive loading keeps level loads short.",
    specs: { kind: "NVMe SSD", capacity_gb: 1000, interface: PCIE4, form_factor: M2, read_mbps: 7300, write_mbps: 6300, endurance_tbw: 600, rpm: null },
  },
  {
    name: "WD Blue SN580 1TB NVMe SSD",
    brand: "WD",
    priceCents: 64_99,
    description:
      "An efficient PCIe 4.0 SSD for everyday desktops and laptops. Low power draw helps laptop battery life.",
    specs: { kind: "NVMe SSD", capacity_gb: 1000, interface: PCIE4, form_factor: M2, read_mbps: 4150, write_mbps: 4150, endurance_tbw: 600, rpm: null },
  },
  {
    name: "WD Red Plus 8TB NAS Hard Drive",
    brand: "WD",
    priceCents: 189_99,
    description:
      "A CMR hard drive built for always-on NAS enclosures with up to eight bays. NASware firmware handles RAID error recovery.",
    specs: { kind: "HDD", capacity_gb: 8000, interface: "SATA III 6 Gb/s", form_factor: "3.5 inch", read_mbps: 215, write_mbps: 215, endurance_tbw: null, rpm: 5640 },
  },
  {
    name: "WD My Passport 5TB Portable Hard Drive",
    brand: "WD",
    priceCents: 139_99,
    description:
      "Pocket-sized backup with 256-bit AES hardware encryption and password protection. Works with Windows backup and Time Machine.",
    specs: { kind: "Portable HDD", capacity_gb: 5000, interface: "USB 3.2 Gen 1", form_factor: "Portable", read_mbps: 130, write_mbps: 130, endurance_tbw: null, rpm: 5400 },
  },
  {
    name: "Seagate BarraCuda 4TB Desktop Hard Drive",
    brand: "Seagate",
    priceCents: 84_99,
    description:
      "Affordable bulk storage for media libraries and backups in a desktop PC. Quiet 5,400 rpm operation.",
    specs: { kind: "HDD", capacity_gb: 4000, interface: "SATA III 6 Gb/s", form_factor: "3.5 inch", read_mbps: 190, write_mbps: 190, endurance_tbw: null, rpm: 5400 },
  },
  {
    name: "Seagate IronWolf Pro 16TB NAS Hard Drive",
    brand: "Seagate",
    priceCents: 299_99,
    description:
      "A 7,200 rpm NAS drive for business arrays of up to 24 bays, rated for 300 TB a year. Includes Rescue data recovery services.",
    specs: { kind: "HDD", capacity_gb: 16000, interface: "SATA III 6 Gb/s", form_factor: "3.5 inch", read_mbps: 262, write_mbps: 262, endurance_tbw: null, rpm: 7200 },
  },
  {
    name: "Seagate Exos X20 20TB Enterprise Hard Drive",
    brand: "Seagate",
    priceCents: 379_99,
    description:
      "A helium-sealed enterprise drive for servers and dense storage. 2.5 million hours MTBF and a five-year warranty.",
    specs: { kind: "HDD", capacity_gb: 20000, interface: "SATA III 6 Gb/s", form_factor: "3.5 inch", read_mbps: 272, write_mbps: 272, endurance_tbw: null, rpm: 7200 },
    stock: 0,
  },
  {
    name: "Seagate FireCuda 530R 2TB NVMe SSD",
    brand: "Seagate",
    priceCents: 179_99,
    description:
      "A high-endurance PCIe 4.0 SSD rated for 2,550 TB written. Sustained speed for capture, editing and game installs.",
    specs: { kind: "NVMe SSD", capacity_gb: 2000, interface: PCIE4, form_factor: M2, read_mbps: 7400, write_mbps: 7000, endurance_tbw: 2550, rpm: null },
  },
  {
    name: "Seagate One Touch SSD 1TB",
    brand: "Seagate",
    priceCents: 109_99,
    description:
      "A slim portable SSD wrapped in textile, with USB-C and 1,030 MB/s reads. Includes a Mylio Photos+ subscription.",
    specs: { kind: "Portable SSD", capacity_gb: 1000, interface: "USB 3.2 Gen 2 (USB-C)", form_factor: "Portable", read_mbps: 1030, write_mbps: 1000, endurance_tbw: null, rpm: null },
  },
  {
    name: "Crucial T705 2TB PCIe Gen5 NVMe SSD",
    brand: "Crucial",
    priceCents: 259_99,
    description:
      "A PCIe 5.0 speed monster with reads up to 14,500 MB/s. Ships with a heatsink for boards without M.2 cooling.",
    specs: { kind: "NVMe SSD", capacity_gb: 2000, interface: PCIE5, form_factor: M2, read_mbps: 14500, write_mbps: 12700, endurance_tbw: 1200, rpm: null },
  },
  {
    name: "Crucial T500 1TB NVMe SSD",
    brand: "Crucial",
    priceCents: 79_99,
    description:
      "A fast PCIe 4.0 drive with DRAM cache at a mainstream price. Runs cool without a heatsink.",
    specs: { kind: "NVMe SSD", capacity_gb: 1000, interface: PCIE4, form_factor: M2, read_mbps: 7300, write_mbps: 6800, endurance_tbw: 600, rpm: null },
  },
  {
    name: "Crucial P3 Plus 2TB NVMe SSD",
    brand: "Crucial",
    priceCents: 119_99,
    description:
      "Budget-friendly PCIe 4.0 storage for growing game libraries. Micron QLC NAND with a five-year warranty.",
    specs: { kind: "NVMe SSD", capacity_gb: 2000, interface: PCIE4, form_factor: M2, read_mbps: 5000, write_mbps: 4200, endurance_tbw: 440, rpm: null },
  },
  {
    name: "Crucial MX500 2TB SATA SSD",
    brand: "Crucial",
    priceCents: 129_99,
    description:
      "A long-time favourite 2.5-inch SATA SSD with power-loss immunity and hardware encryption. A simple upgrade for any SATA system.",
    specs: { kind: "SATA SSD", capacity_gb: 2000, interface: "SATA III 6 Gb/s", form_factor: "2.5 inch", read_mbps: 560, write_mbps: 510, endurance_tbw: 700, rpm: null },
  },
  {
    name: "Crucial X9 Pro 2TB Portable SSD",
    brand: "Crucial",
    priceCents: 149_99,
    description:
      "A palm-sized aluminium portable SSD with 1,050 MB/s reads and writes. IP55 dust and water resistance.",
    specs: { kind: "Portable SSD", capacity_gb: 2000, interface: "USB 3.2 Gen 2 (USB-C)", form_factor: "Portable", read_mbps: 1050, write_mbps: 1050, endurance_tbw: null, rpm: null },
  },
  {
    name: "Kingston NV3 1TB NVMe SSD",
    brand: "Kingston",
    priceCents: 59_99,
    description:
      "An inexpensive PCIe 4.0 SSD for first builds and laptop upgrades. Up to 6,000 MB/s reads.",
    specs: { kind: "NVMe SSD", capacity_gb: 1000, interface: PCIE4, form_factor: M2, read_mbps: 6000, write_mbps: 4000, endurance_tbw: 320, rpm: null },
  },
  {
    name: "Kingston KC3000 2TB NVMe SSD",
    brand: "Kingston",
    priceCents: 149_99,
    description:
      "A high-endurance PCIe 4.0 SSD with 7,000 MB/s reads and writes. A graphene-aluminium heat spreader keeps it thin enough for laptops.",
    specs: { kind: "NVMe SSD", capacity_gb: 2000, interface: PCIE4, form_factor: M2, read_mbps: 7000, write_mbps: 7000, endurance_tbw: 1600, rpm: null },
  },
];
