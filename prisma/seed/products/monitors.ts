import type { MonitorSpecs } from "../specs.ts";
import type { ProductEntry } from "../types.ts";

const HDMI_DP = ["HDMI 2.0 x2", "DisplayPort 1.4"];
const HDMI21_DP = ["HDMI 2.1 x2", "DisplayPort 1.4", "USB hub"];

export const monitors: readonly ProductEntry<MonitorSpecs>[] = [
  {
    name: "LG UltraGear 27GR95QE-B 27\" OLED Gaming Monitor",
    brand: "LG",
    priceCents: 799_99,
    description:
      "A 240 Hz QHD OLED with near-instant 0.03 ms response and perfect blacks. Anti-glare coating suits bright rooms.",
    specs: { size_in: 27, resolution: "2560x1440", panel: "OLED", refresh_hz: 240, response_ms: 0.03, hdr: "DisplayHDR True Black 400", ports: HDMI21_DP },
  },
  {
    name: "LG UltraGear 32GS95UE-B 32\" 4K OLED Gaming Monitor",
    brand: "LG",
    priceCents: 1_399_99,
    description:
      "A dual-mode OLED that switches between 4K at 240 Hz and 1080p at 480 Hz. Built-in Pixel Sound speakers play through the panel.",
    specs: { size_in: 31.5, resolution: "3840x2160", panel: "OLED", refresh_hz: 240, response_ms: 0.03, hdr: "DisplayHDR True Black 400", ports: ["HDMI 2.1 x2", "DisplayPort 1.4", "USB hub"] },
  },
  {
    name: "LG 27UP850N-W 27\" 4K USB-C Monitor",
    brand: "LG",
    priceCents: 429_99,
    description:
      "A 4K IPS monitor with 95% DCI-P3 colour and 96 W USB-C charging. One cable connects and powers a laptop.",
    specs: { size_in: 27, resolution: "3840x2160", panel: "IPS", refresh_hz: 60, response_ms: 5, hdr: "DisplayHDR 400", ports: ["HDMI 2.0 x2", "DisplayPort 1.4", "USB-C (96 W)"] },
  },
  {
    name: "LG UltraGear 27GP850-B 27\" QHD Nano IPS Monitor",
    brand: "LG",
    priceCents: 379_99,
    description:
      "A fast Nano IPS gaming monitor with 1 ms response and wide colour. Overclocks to 180 Hz over DisplayPort.",
    specs: { size_in: 27, resolution: "2560x1440", panel: "Nano IPS", refresh_hz: 180, response_ms: 1, hdr: "DisplayHDR 400", ports: HDMI_DP },
  },
  {
    name: "LG 34WQ75C-B 34\" Curved UltraWide Monitor",
    brand: "LG",
    priceCents: 449_99,
    description:
      "A curved 21:9 ultrawide for spreadsheets, timelines and side-by-side windows. USB-C with 90 W power delivery and a built-in KVM.",
    specs: { size_in: 34, resolution: "3440x1440", panel: "IPS", refresh_hz: 60, response_ms: 5, hdr: "HDR10", ports: ["HDMI 2.0 x2", "DisplayPort 1.4", "USB-C (90 W)", "Ethernet"] },
  },
  {
    name: "Dell UltraSharp U2724D 27\" QHD Monitor",
    brand: "Dell",
    priceCents: 449_99,
    description:
      "An IPS Black panel with deep contrast and a smooth 120 Hz refresh for office work. ComfortView Plus reduces blue light without colour shift.",
    specs: { size_in: 27, resolution: "2560x1440", panel: "IPS Black", refresh_hz: 120, response_ms: 5, hdr: null, ports: ["HDMI 2.1", "DisplayPort 1.4", "DisplayPort out", "USB hub"] },
  },
  {
    name: "Dell UltraSharp U3225QE 32\" 4K Thunderbolt Hub Monitor",
    brand: "Dell",
    priceCents: 949_99,
    description:
      "A 4K IPS Black monitor with a 120 Hz refresh, Thunderbolt 4 and 2.5 GbE. A complete docking station for a laptop desk.",
    specs: { size_in: 31.5, resolution: "3840x2160", panel: "IPS Black", refresh_hz: 120, response_ms: 5, hdr: "DisplayHDR 400", ports: ["HDMI 2.1", "DisplayPort 1.4", "Thunderbolt 4 (140 W)", "2.5 GbE", "USB hub"] },
  },
  {
    name: "Dell S2722QC 27\" 4K USB-C Monitor",
    brand: "Dell",
    priceCents: 299_99,
    description:
      "An affordable 4K monitor with USB-C charging and built-in speakers. Sharp text and AMD FreeSync for casual games.",
    specs: { size_in: 27, resolution: "3840x2160", panel: "IPS", refresh_hz: 60, response_ms: 4, hdr: null, ports: ["HDMI 2.0 x2", "USB-C (65 W)"] },
  },
  {
    name: "Dell P2425H 24\" Full HD Monitor",
    brand: "Dell",
    priceCents: 179_99,
    description:
      "A dependable 24-inch office monitor with a 100 Hz refresh and a fully adjustable stand. TÜV-certified eye comfort for long workdays.",
    specs: { size_in: 23.8, resolution: "1920x1080", panel: "IPS", refresh_hz: 100, response_ms: 5, hdr: null, ports: ["HDMI 1.4", "DisplayPort 1.2", "VGA", "USB hub"] },
  },
  {
    name: "Alienware AW3225QF 32\" 4K QD-OLED Gaming Monitor",
    brand: "Dell",
    priceCents: 1_199_99,
    description:
      "A curved 4K QD-OLED at 240 Hz with Dolby Vision and a three-year burn-in warranty. Brilliant for both gaming and HDR films.",
    specs: { size_in: 31.6, resolution: "3840x2160", panel: "QD-OLED", refresh_hz: 240, response_ms: 0.03, hdr: "DisplayHDR True Black 400", ports: ["HDMI 2.1 x2", "DisplayPort 1.4", "USB hub"] },
  },
  {
    name: "Samsung Odyssey OLED G8 G80SD 32\" 4K Gaming Monitor",
    brand: "Samsung",
    priceCents: 1_299_99,
    description:
      "A flat 4K QD-OLED at 240 Hz with Samsung's glare-free finish. Smart TV apps built in for streaming without a PC.",
    specs: { size_in: 32, resolution: "3840x2160", panel: "QD-OLED", refresh_hz: 240, response_ms: 0.03, hdr: "DisplayHDR True Black 400", ports: ["HDMI 2.1", "DisplayPort 1.4", "USB hub"] },
  },
  {
    name: "Samsung Odyssey Neo G9 57\" Dual 4K Curved Monitor",
    brand: "Samsung",
    priceCents: 1_999_99,
    description:
      "Two 4K screens' worth of pixels on one 1000R curved mini-LED panel. DisplayPort 2.1 drives the full 7680x2160 at 240 Hz.",
    specs: { size_in: 57, resolution: "7680x2160", panel: "Mini-LED VA", refresh_hz: 240, response_ms: 1, hdr: "DisplayHDR 1000", ports: ["HDMI 2.1 x3", "DisplayPort 2.1", "USB hub"] },
  },
  {
    name: "Samsung ViewFinity S9 27\" 5K Monitor",
    brand: "Samsung",
    priceCents: 1_599_99,
    description:
      "A 5K matte display for Mac and creative work with Thunderbolt 4 and a detachable 4K camera. Colour-calibrated at the factory.",
    specs: { size_in: 27, resolution: "5120x2880", panel: "IPS", refresh_hz: 60, response_ms: 5, hdr: "HDR10", ports: ["Thunderbolt 4 (90 W)", "Mini DisplayPort", "USB-C x3"] },
  },
  {
    name: "Samsung Odyssey G5 27\" QHD Curved Gaming Monitor",
    brand: "Samsung",
    priceCents: 279_99,
    description:
      "A 1000R curved VA monitor at 165 Hz for immersive gaming on a budget. High contrast for dark scenes.",
    specs: { size_in: 27, resolution: "2560x1440", panel: "VA", refresh_hz: 165, response_ms: 1, hdr: "HDR10", ports: ["HDMI 2.0", "DisplayPort 1.2"] },
  },
  {
    name: "Samsung Essential S3 24\" Full HD Monitor",
    brand: "Samsung",
    priceCents: 129_99,
    description:
      "A slim three-sided borderless 24-inch monitor with a 100 Hz refresh. A great second screen for any desk.",
    specs: { size_in: 24, resolution: "1920x1080", panel: "IPS", refresh_hz: 100, response_ms: 4, hdr: null, ports: ["HDMI 1.4", "DisplayPort 1.2"] },
  },
  {
    name: "ASUS ROG Swift PG27AQDM 27\" OLED Gaming Monitor",
    brand: "ASUS",
    priceCents: 899_99,
    description:
      "A 240 Hz QHD OLED with a custom heatsink that lifts sustained brightness. Anti-glare micro-texture coating.",
    specs: { size_in: 26.5, resolution: "2560x1440", panel: "OLED", refresh_hz: 240, response_ms: 0.03, hdr: "DisplayHDR True Black 400", ports: HDMI21_DP },
  },
  {
    name: "ASUS ProArt PA279CRV 27\" 4K Professional Monitor",
    brand: "ASUS",
    priceCents: 469_99,
    description:
      "A Calman-verified 4K IPS monitor with 99% DCI-P3 coverage and Delta E below 2. USB-C with 96 W charging for laptop creators.",
    specs: { size_in: 27, resolution: "3840x2160", panel: "IPS", refresh_hz: 60, response_ms: 5, hdr: "DisplayHDR 400", ports: ["HDMI 2.0 x2", "DisplayPort 1.4", "DisplayPort out", "USB-C (96 W)"] },
  },
  {
    name: "ASUS TUF Gaming VG27AQ3A 27\" QHD Gaming Monitor",
    brand: "ASUS",
    priceCents: 229_99,
    description:
      "A 180 Hz Fast IPS gaming monitor with ELMB Sync for sharp motion. Strong value for 1440p gamers.",
    specs: { size_in: 27, resolution: "2560x1440", panel: "Fast IPS", refresh_hz: 180, response_ms: 1, hdr: "HDR10", ports: HDMI_DP },
  },
  {
    name: "ASUS ZenScreen MB16ACV 15.6\" Portable Monitor",
    brand: "ASUS",
    priceCents: 169_99,
    description:
      "A 15.6-inch USB-C monitor that runs from a laptop on one cable. The built-in kickstand makes a travel second screen easy.",
    specs: { size_in: 15.6, resolution: "1920x1080", panel: "IPS", refresh_hz: 60, response_ms: 5, hdr: null, ports: ["USB-C (DP Alt Mode)"] },
  },
  {
    name: "BenQ MOBIUZ EX2710Q 27\" QHD Gaming Monitor",
    brand: "BenQ",
    priceCents: 299_99,
    description:
      "A 165 Hz IPS gaming monitor with a 2.1-channel treVolo speaker system. HDRi adjusts brightness to the room.",
    specs: { size_in: 27, resolution: "2560x1440", panel: "IPS", refresh_hz: 165, response_ms: 1, hdr: "DisplayHDR 400", ports: HDMI_DP },
  },
  {
    name: "BenQ PD2706U 27\" 4K Designer Monitor",
    brand: "BenQ",
    priceCents: 549_99,
    description:
      "A 4K design monitor with factory calibration, a KVM switch and 90 W USB-C. The Hotkey Puck switches colour modes in a click.",
    specs: { size_in: 27, resolution: "3840x2160", panel: "IPS", refresh_hz: 60, response_ms: 5, hdr: "HDR10", ports: ["HDMI 2.0", "DisplayPort 1.4", "USB-C (90 W)", "USB hub"] },
  },
  {
    name: "BenQ ZOWIE XL2566K 24.5\" 360Hz Esports Monitor",
    brand: "BenQ",
    priceCents: 599_99,
    description:
      "A tournament-grade 360 Hz TN monitor with DyAc+ motion clarity. The S-Switch controller swaps profiles mid-match.",
    specs: { size_in: 24.5, resolution: "1920x1080", panel: "TN", refresh_hz: 360, response_ms: 1, hdr: null, ports: ["HDMI 2.0 x3", "DisplayPort 1.4"] },
  },
  {
    name: "BenQ GW2490 24\" Eye-Care Monitor",
    brand: "BenQ",
    priceCents: 119_99,
    description:
      "A budget 24-inch IPS monitor with flicker-free backlight and automatic brightness. Two HDMI inputs and a DisplayPort.",
    specs: { size_in: 23.8, resolution: "1920x1080", panel: "IPS", refresh_hz: 100, response_ms: 5, hdr: null, ports: ["HDMI 1.4 x2", "DisplayPort 1.2"] },
  },
];
