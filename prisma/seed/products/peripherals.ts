import type { PeripheralSpecs } from "../specs.ts";
import type { ProductEntry } from "../types.ts";

export const peripherals: readonly ProductEntry<PeripheralSpecs>[] = [
  {
    name: "Logitech MX Master 3S Wireless Mouse",
    brand: "Logitech",
    priceCents: 99_99,
    description:
      "The productivity mouse with quiet clicks, an 8,000 DPI sensor that tracks on glass and the MagSpeed scroll wheel. Pairs with three devices.",
    specs: { kind: "mouse", sensor: "Darkfield high precision", max_dpi: 8000, weight_g: 141, buttons: 7, connectivity: ["2.4 GHz", "Bluetooth"], battery_h: 1680 },
  },
  {
    name: "Logitech MX Keys S Wireless Keyboard",
    brand: "Logitech",
    priceCents: 109_99,
    description:
      "A full-size, low-profile keyboard with spherically dished keys and smart backlighting. Smart Actions automate repetitive tasks.",
    specs: { kind: "keyboard", layout: "Full-size", switches: "Scissor", hot_swappable: false, backlight: "White", connectivity: ["2.4 GHz", "Bluetooth"], battery_h: 240 },
  },
  {
    name: "Logitech MX Keys Mini Wireless Keyboard",
    brand: "Logitech",
    priceCents: 99_99,
    description:
      "The compact MX keyboard without a number pad, for tidy desks and bags. Backlit keys light up as your hands approach.",
    specs: { kind: "keyboard", layout: "Compact", switches: "Scissor", hot_swappable: false, backlight: "White", connectivity: ["Bluetooth"], battery_h: 240 },
  },
  {
    name: "Logitech G PRO X SUPERLIGHT 2 Wireless Gaming Mouse",
    brand: "Logitech",
    priceCents: 159_99,
    description:
      "A 60-gram esports mouse with the HERO 2 sensor and hybrid optical-mechanical switches. Up to 95 hours on a charge.",
    specs: { kind: "mouse", sensor: "HERO 2", max_dpi: 32000, weight_g: 60, buttons: 5, connectivity: ["2.4 GHz", "USB-C"], battery_h: 95 },
  },
  {
    name: "Logitech G502 X PLUS Wireless Gaming Mouse",
    brand: "Logitech",
    priceCents: 159_99,
    description:
      "The iconic G502 shape, now wireless with LIGHTFORCE switches and RGB lighting. Thirteen programmable controls.",
    specs: { kind: "mouse", sensor: "HERO 25K", max_dpi: 25600, weight_g: 106, buttons: 13, connectivity: ["2.4 GHz", "USB-C"], battery_h: 130 },
  },
  {
    name: "Logitech G915 X LIGHTSPEED TKL Wireless Gaming Keyboard",
    brand: "Logitech",
    priceCents: 229_99,
    description:
      "A 23 mm thin mechanical keyboard with low-profile switches and an aluminium top plate. LIGHTSPEED wireless and Bluetooth.",
    specs: { kind: "keyboard", layout: "TKL", switches: "GL Tactile (low profile)", hot_swappable: false, backlight: "RGB", connectivity: ["2.4 GHz", "Bluetooth", "USB-C"], battery_h: 36 },
  },
  {
    name: "Logitech G PRO X 2 LIGHTSPEED Wireless Gaming Headset",
    brand: "Logitech",
    priceCents: 249_99,
    description:
      "Graphene drivers, a detachable broadcast-grade mic and 50 hours of battery. Connects by LIGHTSPEED, Bluetooth or 3.5 mm cable.",
    specs: { kind: "headset", driver_mm: 50, microphone: "Detachable boom", anc: false, connectivity: ["2.4 GHz", "Bluetooth", "3.5 mm"], battery_h: 50 },
  },
  {
    name: "Logitech MX Brio 4K Webcam",
    brand: "Logitech",
    priceCents: 199_99,
    description:
      "Logitech's best webcam, with a large 4K sensor, AI-tuned exposure and a built-in privacy shutter. Great in dim home offices.",
    specs: { kind: "webcam", resolution: "3840x2160", max_fps: 60, field_of_view_deg: 90, autofocus: true, connectivity: ["USB-C"] },
  },
  {
    name: "Logitech C920s Pro HD Webcam",
    brand: "Logitech",
    priceCents: 69_99,
    description:
      "The classic 1080p webcam with dual stereo mics and a privacy cover. Works out of the box with every video-call app.",
    specs: { kind: "webcam", resolution: "1920x1080", max_fps: 30, field_of_view_deg: 78, autofocus: true, connectivity: ["USB"] },
  },
  {
    name: "Logitech Lift Vertical Ergonomic Mouse",
    brand: "Logitech",
    priceCents: 69_99,
    description:
      "A 57-degree vertical mouse sized for small to medium hands. Relieves wrist strain during long workdays.",
    specs: { kind: "mouse", sensor: "Logitech Advanced Optical", max_dpi: 4000, weight_g: 125, buttons: 6, connectivity: ["2.4 GHz", "Bluetooth"], battery_h: 17520 },
  },
  {
    name: "Razer DeathAdder V3 Pro Wireless Gaming Mouse",
    brand: "Razer",
    priceCents: 149_99,
    description:
      "An ultra-light ergonomic esports mouse at 63 grams with the Focus Pro 30K sensor. Optical switches rated for 90 million clicks.",
    specs: { kind: "mouse", sensor: "Focus Pro 30K", max_dpi: 30000, weight_g: 63, buttons: 5, connectivity: ["2.4 GHz", "USB-C"], battery_h: 90 },
  },
  {
    name: "Razer Viper V3 Pro Wireless Gaming Mouse",
    brand: "Razer",
    priceCents: 159_99,
    description:
      "A 54-gram symmetrical mouse built with pro players, with 8,000 Hz polling via the included dongle. Made for fast flick aim.",
    specs: { kind: "mouse", sensor: "Focus Pro 35K", max_dpi: 35000, weight_g: 54, buttons: 6, connectivity: ["2.4 GHz", "USB-C"], battery_h: 95 },
  },
  {
    name: "Razer Basilisk V3 Wired Gaming Mouse",
    brand: "Razer",
    priceCents: 69_99,
    description:
      "An ergonomic wired mouse with a HyperScroll tilt wheel and eleven programmable controls. Chroma RGB underglow.",
    specs: { kind: "mouse", sensor: "Focus+ 26K", max_dpi: 26000, weight_g: 101, buttons: 11, connectivity: ["USB"], battery_h: null },
  },
  {
    name: "Razer BlackWidow V4 Pro Mechanical Gaming Keyboard",
    brand: "Razer",
    priceCents: 229_99,
    description:
      "A full-size mechanical keyboard with a command dial, eight macro keys and a magnetic wrist rest. Razer Green clicky switches.",
    specs: { kind: "keyboard", layout: "Full-size", switches: "Razer Green (clicky)", hot_swappable: false, backlight: "RGB", connectivity: ["USB"], battery_h: null },
  },
  {
    name: "Razer Huntsman V3 Pro TKL Analog Keyboard",
    brand: "Razer",
    priceCents: 249_99,
    description:
      "Analog optical switches with adjustable actuation and Rapid Trigger for competitive shooters. Aluminium top plate and doubleshot PBT keycaps.",
    specs: { kind: "keyboard", layout: "TKL", switches: "Razer Analog Optical", hot_swappable: false, backlight: "RGB", connectivity: ["USB-C"], battery_h: null },
  },
  {
    name: "Razer BlackShark V2 Pro Wireless Esports Headset",
    brand: "Razer",
    priceCents: 199_99,
    description:
      "A lightweight wireless esports headset with TriForce titanium drivers and a 70-hour battery. The super-wideband mic sounds close to a studio mic.",
    specs: { kind: "headset", driver_mm: 50, microphone: "Detachable boom", anc: false, connectivity: ["2.4 GHz", "Bluetooth"], battery_h: 70 },
  },
  {
    name: "Razer Kiyo Pro Streaming Webcam",
    brand: "Razer",
    priceCents: 99_99,
    description:
      "A 1080p60 streaming webcam with an adaptive light sensor and HDR mode. The wide-angle lens adjusts between three fields of view.",
    specs: { kind: "webcam", resolution: "1920x1080", max_fps: 60, field_of_view_deg: 103, autofocus: true, connectivity: ["USB"] },
  },
  {
    name: "Keychron Q1 Max QMK Wireless Custom Keyboard",
    brand: "Keychron",
    priceCents: 219_00,
    description:
      "A gasket-mounted 75% keyboard in a full CNC aluminium case, with hot-swappable switches. QMK and VIA remapping over 2.4 GHz, Bluetooth or cable.",
    specs: { kind: "keyboard", layout: "75%", switches: "Gateron Jupiter Banana", hot_swappable: true, backlight: "RGB", connectivity: ["2.4 GHz", "Bluetooth", "USB-C"], battery_h: 100 },
  },
  {
    name: "Keychron Q6 Max QMK Wireless Custom Keyboard",
    brand: "Keychron",
    priceCents: 239_00,
    description:
      "The full-size member of the Q Max family, with a number pad and a rotary knob. Heavy aluminium build with a smooth, muted typing sound.",
    specs: { kind: "keyboard", layout: "Full-size", switches: "Gateron Jupiter Red", hot_swappable: true, backlight: "RGB", connectivity: ["2.4 GHz", "Bluetooth", "USB-C"], battery_h: 100 },
  },
  {
    name: "Keychron K2 Pro QMK Wireless Mechanical Keyboard",
    brand: "Keychron",
    priceCents: 109_00,
    description:
      "A compact 75% Bluetooth mechanical keyboard with Mac and Windows keycaps included. Hot-swappable and fully remappable.",
    specs: { kind: "keyboard", layout: "75%", switches: "Keychron K Pro Brown", hot_swappable: true, backlight: "RGB", connectivity: ["Bluetooth", "USB-C"], battery_h: 100 },
  },
  {
    name: "Keychron V1 QMK Custom Mechanical Keyboard",
    brand: "Keychron",
    priceCents: 84_00,
    description:
      "An affordable wired 75% custom keyboard with a knob, QMK and VIA support. A popular starting point for the hobby.",
    specs: { kind: "keyboard", layout: "75%", switches: "Keychron K Pro Red", hot_swappable: true, backlight: "RGB", connectivity: ["USB-C"], battery_h: null },
  },
  {
    name: "SteelSeries Apex Pro TKL Wireless (2023) Keyboard",
    brand: "SteelSeries",
    priceCents: 249_99,
    description:
      "OmniPoint 2.0 adjustable switches let every key actuate anywhere from 0.2 to 3.8 mm. Includes an OLED smart display and Rapid Trigger.",
    specs: { kind: "keyboard", layout: "TKL", switches: "OmniPoint 2.0 (adjustable)", hot_swappable: false, backlight: "RGB", connectivity: ["2.4 GHz", "Bluetooth", "USB-C"], battery_h: 37 },
  },
  {
    name: "SteelSeries Arctis Nova Pro Wireless Headset",
    brand: "SteelSeries",
    priceCents: 349_99,
    description:
      "A premium headset with active noise cancellation and a hot-swappable two-battery system. The base station connects to PC and console at once.",
    specs: { kind: "headset", driver_mm: 40, microphone: "Retractable boom", anc: true, connectivity: ["2.4 GHz", "Bluetooth"], battery_h: 22 },
  },
  {
    name: "SteelSeries Arctis Nova 7 Wireless Headset",
    brand: "SteelSeries",
    priceCents: 179_99,
    description:
      "A comfortable multi-platform headset with simultaneous 2.4 GHz and Bluetooth audio. 38 hours of battery and fast USB-C charging.",
    specs: { kind: "headset", driver_mm: 40, microphone: "Retractable boom", anc: false, connectivity: ["2.4 GHz", "Bluetooth", "USB-C"], battery_h: 38 },
  },
  {
    name: "SteelSeries Aerox 5 Wireless Gaming Mouse",
    brand: "SteelSeries",
    priceCents: 139_99,
    description:
      "A 74-gram water-resistant mouse with nine buttons for MOBA and battle royale games. Charges to 40 hours in 15 minutes.",
    specs: { kind: "mouse", sensor: "TrueMove Air", max_dpi: 18000, weight_g: 74, buttons: 9, connectivity: ["2.4 GHz", "Bluetooth", "USB-C"], battery_h: 180 },
  },
  {
    name: "SteelSeries Rival 3 Gaming Mouse",
    brand: "SteelSeries",
    priceCents: 29_99,
    description:
      "A budget wired gaming mouse with a true 1:1 tracking sensor and durable switches. Three-zone RGB lighting.",
    specs: { kind: "mouse", sensor: "TrueMove Core", max_dpi: 8500, weight_g: 77, buttons: 6, connectivity: ["USB"], battery_h: null },
    stock: 0,
  },
];
