import { open as openFile } from "node:fs/promises";
import { open } from "maxmind";
import { mulberry32 } from "../../../prisma/seed/random.ts";

/*
 * Test-only: networks that hold data in an .mmdb file, read from its own search tree (the
 * MaxMind DB format: a binary trie of `node_count` nodes of two records each; a record equal to
 * node_count is empty, a larger one points at data), so tests look up addresses the database
 * really lists instead of guessed ones.
 */

export interface Network {
  /** The network's first and last address. */
  first: string;
  last: string;
  prefix: number;
}

function recordsOf(node: Buffer, recordSize: number): [number, number] {
  if (recordSize === 24) return [node.readUIntBE(0, 3), node.readUIntBE(3, 3)];
  if (recordSize === 28) return [((node[3]! & 0xf0) << 20) + node.readUIntBE(0, 3), ((node[3]! & 0x0f) << 24) + node.readUIntBE(4, 3)];
  return [node.readUInt32BE(0), node.readUInt32BE(4)];
}

function addressOf(bits: readonly number[], width: 32 | 128): string {
  const all = [...bits, ...Array<number>(width - bits.length).fill(0)];
  if (width === 32) return [0, 8, 16, 24].map((at) => parseInt(all.slice(at, at + 8).join(""), 2)).join(".");
  return Array.from({ length: 8 }, (_, group) => parseInt(all.slice(group * 16, group * 16 + 16).join(""), 2).toString(16)).join(":");
}

/**
 * `count` distinct networks with data, each found by walking from the root along a random
 * non-empty branch; `accept` filters them (say, public addresses only).
 */
export async function networksIn(file: string, count: number, seed: number, accept: (network: Network) => boolean = () => true): Promise<Network[]> {
  const { nodeCount, recordSize, ipVersion } = (await open(file)).metadata;
  const width = ipVersion === 4 ? 32 : 128;
  const nodeBytes = recordSize / 4;
  const handle = await openFile(file, "r");
  // The catalog seed's generator: a test picks the same networks every run.
  const next = mulberry32(seed);
  const found = new Map<string, Network>();
  try {
    for (let attempt = 0; found.size < count && attempt < count * 200; attempt++) {
      const bits: number[] = [];
      let node = 0;
      while (node < nodeCount && bits.length < width) {
        const buffer = Buffer.alloc(nodeBytes);
        await handle.read(buffer, 0, nodeBytes, node * nodeBytes);
        const branches = recordsOf(buffer, recordSize)
          .map((child, bit) => ({ child, bit }))
          .filter(({ child }) => child !== nodeCount);
        // Deeper nodes hold the many small networks real clients sit in (DB-IP fills the
        // unallocated IPv6 space with a few huge ones): prefer going on over stopping.
        const deeper = branches.filter(({ child }) => child < nodeCount);
        const choices = deeper.length > 0 && next() < 0.9 ? deeper : branches;
        const branch = choices[Math.floor(next() * choices.length)];
        if (!branch) break;
        bits.push(branch.bit);
        node = branch.child;
      }
      if (node <= nodeCount) continue;
      const network = { first: addressOf(bits, width), last: addressOf([...bits, ...Array<number>(width - bits.length).fill(1)], width), prefix: bits.length };
      if (accept(network)) found.set(`${network.first}/${network.prefix}`, network);
    }
  } finally {
    await handle.close();
  }
  return [...found.values()];
}
