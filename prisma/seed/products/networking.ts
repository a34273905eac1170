import type { NetworkingSpecs } from "../specs.ts";
import type { ProductEntry } from "../types.ts";

export const networking: readonly ProductEntry<NetworkingSpecs>[] = [
  {
    name: "TP-Link Archer BE800 Tri-Band Wi-Fi 7 Router",
    brand: "TP-Link",
    priceCents: 599_99,
    description:
      "A tri-band Wi-Fi 7 router with two 10 Gbps ports and a playful LED display. Multi-Link Operation keeps latency low for VR and gaming.",
    specs: { kind: "Router", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 19000, ethernet_ports: 6, max_port_gbps: 10, poe: false, units: 1 },
  },
  {
    name: "TP-Link Archer AX55 AX3000 Wi-Fi 6 Router",
    brand: "TP-Link",
    priceCents: 99_99,
    description:
      "An affordable dual-band Wi-Fi 6 router for apartments and small homes. HomeShield security and easy app setup.",
    specs: { kind: "Router", wifi_standard: "Wi-Fi 6", max_wireless_mbps: 3000, ethernet_ports: 5, max_port_gbps: 1, poe: false, units: 1 },
  },
  {
    name: "TP-Link Deco XE75 Pro AXE5400 Mesh Wi-Fi 6E (3-pack)",
    brand: "TP-Link",
    priceCents: 399_99,
    description:
      "Three tri-band Wi-Fi 6E units cover large homes with seamless roaming. A 2.5 Gbps port on each unit handles multi-gig internet.",
    specs: { kind: "Mesh system", wifi_standard: "Wi-Fi 6E", max_wireless_mbps: 5400, ethernet_ports: 3, max_port_gbps: 2.5, poe: false, units: 3 },
  },
  {
    name: "TP-Link Deco BE63 BE10000 Mesh Wi-Fi 7 (3-pack)",
    brand: "TP-Link",
    priceCents: 599_99,
    description:
      "A Wi-Fi 7 mesh system with four 2.5 Gbps ports on every unit. Wired backhaul turns any room into a fast access point.",
    specs: { kind: "Mesh system", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 10000, ethernet_ports: 4, max_port_gbps: 2.5, poe: false, units: 3 },
  },
  {
    name: "TP-Link TL-SG108 8-Port Gigabit Switch",
    brand: "TP-Link",
    priceCents: 24_99,
    description:
      "A fanless, plug-and-play metal switch that adds eight gigabit ports to any desk. Energy-efficient Ethernet trims power use.",
    specs: { kind: "Switch", wifi_standard: null, max_wireless_mbps: null, ethernet_ports: 8, max_port_gbps: 1, poe: false, units: 1 },
  },
  {
    name: "TP-Link TL-SG108PE 8-Port Gigabit Easy Smart PoE Switch",
    brand: "TP-Link",
    priceCents: 59_99,
    description:
      "Four PoE ports power cameras and access points from a 64 W budget. VLANs and QoS through a simple web interface.",
    specs: { kind: "Switch", wifi_standard: null, max_wireless_mbps: null, ethernet_ports: 8, max_port_gbps: 1, poe: true, units: 1 },
  },
  {
    name: "TP-Link Omada EAP670 AX5400 Ceiling Access Point",
    brand: "TP-Link",
    priceCents: 159_99,
    description:
      "A business Wi-Fi 6 access point with a 2.5 GbE uplink powered over PoE+. Centrally managed through the Omada controller or cloud.",
    specs: { kind: "Access point", wifi_standard: "Wi-Fi 6", max_wireless_mbps: 5400, ethernet_ports: 1, max_port_gbps: 2.5, poe: true, units: 1 },
  },
  {
    name: "TP-Link Archer TXE75E AXE5400 Wi-Fi 6E PCIe Adapter",
    brand: "TP-Link",
    priceCents: 54_99,
    description:
      "Adds Wi-Fi 6E and Bluetooth 5.3 to a desktop through a PCIe slot. The magnetic antenna base finds the best signal spot.",
    specs: { kind: "Network adapter", wifi_standard: "Wi-Fi 6E", max_wireless_mbps: 5400, ethernet_ports: 0, max_port_gbps: null, poe: false, units: 1 },
  },
  {
    name: "Netgear Nighthawk RS700S Tri-Band Wi-Fi 7 Router",
    brand: "Netgear",
    priceCents: 699_99,
    description:
      "A tower-style Wi-Fi 7 router with 10 Gbps internet and LAN ports. Includes a year of Netgear Armor security.",
    specs: { kind: "Router", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 19000, ethernet_ports: 6, max_port_gbps: 10, poe: false, units: 1 },
  },
  {
    name: "Netgear Nighthawk RAX54S AX5400 Wi-Fi 6 Router",
    brand: "Netgear",
    priceCents: 179_99,
    description:
      "A dual-band Wi-Fi 6 router for homes with dozens of connected devices. Simple setup through the Nighthawk app.",
    specs: { kind: "Router", wifi_standard: "Wi-Fi 6", max_wireless_mbps: 5400, ethernet_ports: 5, max_port_gbps: 1, poe: false, units: 1 },
  },
  {
    name: "Netgear Orbi 770 Tri-Band Wi-Fi 7 Mesh System (2-pack)",
    brand: "Netgear",
    priceCents: 799_99,
    description:
      "Orbi's Wi-Fi 7 mesh with a dedicated backhaul band and a 10 Gbps internet port. Covers up to 5,000 square feet.",
    specs: { kind: "Mesh system", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 11000, ethernet_ports: 4, max_port_gbps: 10, poe: false, units: 2 },
  },
  {
    name: "Netgear GS308E 8-Port Gigabit Plus Switch",
    brand: "Netgear",
    priceCents: 39_99,
    description:
      "A fanless metal switch with basic management, VLANs and QoS. Desktop or wall mount.",
    specs: { kind: "Switch", wifi_standard: null, max_wireless_mbps: null, ethernet_ports: 8, max_port_gbps: 1, poe: false, units: 1 },
  },
  {
    name: "Netgear MS305 5-Port 2.5G Multi-Gig Switch",
    brand: "Netgear",
    priceCents: 109_99,
    description:
      "Five 2.5 Gbps ports for multi-gig internet, NAS boxes and Wi-Fi 7 access points. Silent and plug-and-play.",
    specs: { kind: "Switch", wifi_standard: null, max_wireless_mbps: null, ethernet_ports: 5, max_port_gbps: 2.5, poe: false, units: 1 },
  },
  {
    name: "Ubiquiti UniFi Dream Machine Pro",
    brand: "Ubiquiti",
    priceCents: 379_00,
    description:
      "A rack-mount gateway that runs the full UniFi stack, with IDS/IPS and a 10G SFP+ WAN. One console for networking, cameras and access.",
    specs: { kind: "Gateway", wifi_standard: null, max_wireless_mbps: null, ethernet_ports: 9, max_port_gbps: 10, poe: false, units: 1 },
  },
  {
    name: "Ubiquiti UniFi Cloud Gateway Ultra",
    brand: "Ubiquiti",
    priceCents: 129_00,
    description:
      "A compact UniFi gateway with a 2.5 GbE WAN that manages up to 30 UniFi devices. The easiest way into the UniFi ecosystem.",
    specs: { kind: "Gateway", wifi_standard: null, max_wireless_mbps: null, ethernet_ports: 5, max_port_gbps: 2.5, poe: false, units: 1 },
  },
  {
    name: "Ubiquiti UniFi U7 Pro Access Point",
    brand: "Ubiquiti",
    priceCents: 189_00,
    description:
      "A ceiling-mount tri-band Wi-Fi 7 access point with 6 GHz support and a 2.5 GbE uplink. Powered by PoE+.",
    specs: { kind: "Access point", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 9300, ethernet_ports: 1, max_port_gbps: 2.5, poe: true, units: 1 },
  },
  {
    name: "Ubiquiti UniFi U6+ Access Point",
    brand: "Ubiquiti",
    priceCents: 129_00,
    description:
      "An affordable dual-band Wi-Fi 6 access point for homes and small offices. Slim design that blends into ceilings.",
    specs: { kind: "Access point", wifi_standard: "Wi-Fi 6", max_wireless_mbps: 3000, ethernet_ports: 1, max_port_gbps: 1, poe: true, units: 1 },
  },
  {
    name: "Ubiquiti UniFi Switch Lite 8 PoE",
    brand: "Ubiquiti",
    priceCents: 109_00,
    description:
      "An eight-port managed gigabit switch with four PoE+ ports and a 52 W budget. Adopts into the UniFi console in seconds.",
    specs: { kind: "Switch", wifi_standard: null, max_wireless_mbps: null, ethernet_ports: 8, max_port_gbps: 1, poe: true, units: 1 },
  },
  {
    name: "ASUS RT-BE96U Tri-Band Wi-Fi 7 Router",
    brand: "ASUS",
    priceCents: 699_99,
    description:
      "A flagship Wi-Fi 7 router with two 10 GbE ports and commercial-grade AiProtection Pro. AiMesh links it with other ASUS routers.",
    specs: { kind: "Router", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 19000, ethernet_ports: 6, max_port_gbps: 10, poe: false, units: 1 },
  },
  {
    name: "ASUS ROG Rapture GT-BE98 Pro Wi-Fi 7 Gaming Router",
    brand: "ASUS",
    priceCents: 749_99,
    description:
      "A quad-band Wi-Fi 7 gaming router with dual 6 GHz bands and triple-level game acceleration. Dual 10 Gbps ports for the fastest fibre plans.",
    specs: { kind: "Router", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 25000, ethernet_ports: 6, max_port_gbps: 10, poe: false, units: 1 },
    stock: 0,
  },
  {
    name: "ASUS ZenWiFi BT8 Tri-Band Wi-Fi 7 Mesh System (2-pack)",
    brand: "ASUS",
    priceCents: 499_99,
    description:
      "Two elegant Wi-Fi 7 nodes that cover large homes with 10 GbE wired backhaul. No subscription needed for security features.",
    specs: { kind: "Mesh system", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 19000, ethernet_ports: 4, max_port_gbps: 10, poe: false, units: 2 },
  },
  {
    name: "ASUS RT-AX1800S Dual-Band Wi-Fi 6 Router",
    brand: "ASUS",
    priceCents: 79_99,
    description:
      "An entry Wi-Fi 6 router with parental controls and lifetime free security updates. Ideal for small apartments.",
    specs: { kind: "Router", wifi_standard: "Wi-Fi 6", max_wireless_mbps: 1800, ethernet_ports: 5, max_port_gbps: 1, poe: false, units: 1 },
  },
  {
    name: "ASUS PCE-BE92BT Wi-Fi 7 PCIe Adapter",
    brand: "ASUS",
    priceCents: 79_99,
    description:
      "Brings Wi-Fi 7 and Bluetooth 5.4 to a desktop PC through a PCIe slot. A heatsink keeps the card cool under sustained transfers.",
    specs: { kind: "Network adapter", wifi_standard: "Wi-Fi 7", max_wireless_mbps: 5800, ethernet_ports: 0, max_port_gbps: null, poe: false, units: 1 },
  },
];
