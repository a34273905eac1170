import { describe, expect, it } from "vitest";
import { NOT_APPLICABLE, formatSpecLabel, formatSpecs, formatSpecValue, specUnit } from "./specs.ts";

describe("formatSpecLabel", () => {
  it.each([
    // Keys of the catalog seed.
    ["ram_gb", "RAM"],
    ["vram_gb", "VRAM"],
    ["cpu", "Processor"],
    ["os", "Operating system"],
    ["boost_clock_ghz", "Boost clock"],
    ["boost_clock_mhz", "Boost clock"],
    ["l3_cache_mb", "L3 cache"],
    ["refresh_hz", "Refresh rate"],
    ["display_in", "Display"],
    ["tdp_w", "TDP"],
    ["memory_type", "Memory type"],
    ["speed_mts", "Speed"],
    ["cas_latency", "CAS latency"],
    ["read_mbps", "Read speed"],
    ["endurance_tbw", "Endurance"],
    ["max_dpi", "Max DPI"],
    ["max_wireless_mbps", "Max wireless speed"],
    ["max_port_gbps", "Max port speed"],
    ["field_of_view_deg", "Field of view"],
    ["wifi_standard", "Wi-Fi standard"],
    ["poe", "PoE"],
    ["kind", "Type"],
    ["cooler_included", "Cooler included"],
    // Anything else.
    ["cores", "Cores"],
    ["nvme_slots", "NVMe slots"],
    ["memory_gddr6x", "Memory GDDR6X"],
    ["refreshRateHz", "Refresh rate"],
    ["usb_c_ports", "USB-C ports"],
    ["hdmi_ports", "HDMI ports"],
  ])("%s → %s", (key, label) => {
    expect(formatSpecLabel(key)).toBe(label);
  });

  it("keeps a key that is only a unit word", () => {
    expect(formatSpecLabel("dpi")).toBe("DPI");
    expect(specUnit("dpi")).toBeNull();
  });
});

describe("formatSpecValue", () => {
  it("appends the key's unit to numbers", () => {
    expect(formatSpecValue("ram_gb", 32)).toBe("32 GB");
    expect(formatSpecValue("boost_clock_ghz", 5.7)).toBe("5.7 GHz");
    expect(formatSpecValue("boost_clock_mhz", 2610)).toBe("2,610 MHz");
    expect(formatSpecValue("weight_kg", 1.234)).toBe("1.23 kg");
    expect(formatSpecValue("display_in", 15.6)).toBe("15.6 in");
    expect(formatSpecValue("read_mbps", 7450)).toBe("7,450 MB/s");
    expect(formatSpecValue("max_wireless_mbps", 5764)).toBe("5,764 Mbps");
    expect(formatSpecValue("voltage", 1.35)).toBe("1.35 V");
    expect(formatSpecValue("rpm", 7200)).toBe("7,200 RPM");
    expect(formatSpecValue("field_of_view_deg", 90)).toBe("90°");
    expect(formatSpecValue("srgb_coverage_pct", 99)).toBe("99%");
    expect(formatSpecValue("max_dpi", 26000)).toBe("26,000");
  });

  it("shows large capacities in terabytes", () => {
    expect(formatSpecValue("storage_gb", 512)).toBe("512 GB");
    expect(formatSpecValue("storage_gb", 1000)).toBe("1 TB");
    expect(formatSpecValue("capacity_gb", 2048)).toBe("2 TB");
    expect(formatSpecValue("capacity_gb", 1500)).toBe("1.5 TB");
    expect(formatSpecValue("capacity_gb", 1234)).toBe("1,234 GB");
  });

  it("appends the unit to numbers written as text", () => {
    expect(formatSpecValue("ram_gb", "16")).toBe("16 GB");
  });

  it("shows other text as written, resolutions with a times sign", () => {
    expect(formatSpecValue("panel", "IPS")).toBe("IPS");
    expect(formatSpecValue("os", "macOS")).toBe("macOS");
    expect(formatSpecValue("resolution", "2560x1440")).toBe("2560 × 1440");
    expect(formatSpecValue("ram_gb", "16 GB LPDDR5x")).toBe("16 GB LPDDR5x");
    expect(formatSpecValue("kind", "keyboard")).toBe("Keyboard");
  });

  it("shows numbers without a unit plainly", () => {
    expect(formatSpecValue("cores", 16)).toBe("16");
    expect(formatSpecValue("slots", 2.5)).toBe("2.5");
  });

  it("says yes or no for flags", () => {
    expect(formatSpecValue("cooler_included", true)).toBe("Yes");
    expect(formatSpecValue("poe", false)).toBe("No");
  });

  it("marks null (does not apply) with a dash", () => {
    expect(formatSpecValue("display_in", null)).toBe(NOT_APPLICABLE);
    expect(formatSpecValue("ports", [])).toBe(NOT_APPLICABLE);
  });

  it("joins lists", () => {
    expect(formatSpecValue("outputs", ["HDMI 2.1", "DP 2.1", "DP 2.1"])).toBe("HDMI 2.1, DP 2.1, DP 2.1");
    expect(formatSpecValue("connectivity", ["USB-C", "2.4 GHz", "Bluetooth"])).toBe("USB-C, 2.4 GHz, Bluetooth");
  });
});

describe("formatSpecs", () => {
  it("orders catalog keys as shoppers compare them, then other keys by label", () => {
    expect(
      formatSpecs({ zebra: "z", tdp_w: 125, cores: 16, boost_clock_ghz: 5.7, cooler_included: false, alpha: 1, socket: "AM5" }),
    ).toEqual([
      { key: "socket", label: "Socket", value: "AM5" },
      { key: "cores", label: "Cores", value: "16" },
      { key: "boost_clock_ghz", label: "Boost clock", value: "5.7 GHz" },
      { key: "tdp_w", label: "TDP", value: "125 W" },
      { key: "cooler_included", label: "Cooler included", value: "No" },
      { key: "alpha", label: "Alpha", value: "1" },
      { key: "zebra", label: "Zebra", value: "z" },
    ]);
  });

  it("returns no rows for no specs", () => {
    expect(formatSpecs({})).toEqual([]);
  });
});
