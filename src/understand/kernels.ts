/**
 * Kernel release strings as `uname -r` prints them name their distribution release when their flavour says
 * so: "2.6.32-5-xen-amd64" is Debian 6.0's kernel, "5.15.0-91-generic" Ubuntu 22.04's, "3.0.101-63-xen" SLES
 * 11's, "3.10.0-1160.el7.x86_64" a Red Hat Enterprise Linux 7 (or rebuild) kernel, ".fc20" Fedora 20's. Which
 * flavours and kernel lines belong to which release is data (products.json `kernelFlavours`, releases.json
 * `kernels`); only the strings' shapes are here. A kernel string without a distribution mark is left alone:
 * it is a mainline kernel version.
 */
import type { Dataset, Product, Release } from "../dataset/schema.js";
import { inLine, parseVersion } from "../version.js";

/** A kernel string read as a distribution release. */
export interface KernelString {
  /** As written ("2.6.32-5-xen-amd64"). */
  text: string;
  product: Product;
  /** Null for the RHEL family's "elN" (the release is N of whichever rebuild). */
  release: Release | null;
  /** What replaces it in the question's text: "debian 6.0", "el-family 7". */
  reads: string;
}

// "4.19.0-25-amd64", "2.6.32-5-xen-amd64", "5.15.0-91-generic", "3.0.101-63-xen", "2.6.32.59-0.7-default".
const FLAVOURED =
  /(?<![\w.])(\d{1,2}\.\d{1,2}(?:\.\d{1,3}){0,2})-(\d{1,4}(?:\.\d{1,4}){0,3})-([a-z0-9]+(?:-[a-z0-9]+)*)/g;
// "2.6.32-431.el6.x86_64", "3.10.0-1160.119.1.el7.x86_64", "4.18.0-553.el8_10", and "el7" typed alone.
const ENTERPRISE =
  /(?:(?<![\w.])\d{1,2}\.\d{1,2}(?:\.\d{1,3})?-[\d.]{1,24}\.|\b)el(\d{1,2})(?:_\d{1,2})?(?:xen|pae|debug)?(?:\.(?:x86_64|i686|i386|aarch64|ppc64le|s390x))?\b/g;

// "6.1.0-0.deb11.17-amd64", "5.10.0-0.deb10.16-amd64": Debian's backports name the release they are built for.
const BACKPORT =
  /(?<![\w.])\d{1,2}\.\d{1,2}(?:\.\d{1,3})?-\d+\.(?:bpo\.)?deb(\d{1,2})(?:u\d+)?(?:\.\d+)*-[a-z0-9]+(?:-[a-z0-9]+)*/g;

/** The release of a product whose kernel line contains this kernel version ("4.19.0" in "4.19"). */
function releaseByKernel(product: Product, version: string): Release | null {
  const parts = parseVersion(version);
  let best: { release: Release; length: number } | null = null;
  for (const release of product.releases) {
    for (const line of release.kernels ?? []) {
      const lineParts = parseVersion(line);
      if (inLine(parts, lineParts) && (best === null || lineParts.length > best.length)) {
        best = { release, length: lineParts.length };
      }
    }
  }
  return best?.release ?? null;
}

export class KernelReader {
  private readonly flavoured: { product: Product; flavours: ReadonlySet<string> }[];
  private readonly enterprise: Product | undefined;
  private readonly debian: Product | undefined;

  constructor(data: Dataset) {
    this.flavoured = data.products
      .filter((product) => (product.kernelFlavours ?? []).length > 0)
      .map((product) => ({ product, flavours: new Set(product.kernelFlavours) }));
    this.enterprise = data.products.find((product) => product.aliases.includes("el-family"));
    this.debian = data.products.find((product) => product.id === "debian");
  }

  private readFlavoured(version: string, flavour: string): { product: Product; release: Release } | null {
    for (const { product, flavours } of this.flavoured) {
      if (!flavours.has(flavour)) continue;
      const release = releaseByKernel(product, version);
      if (release) return { product, release };
    }
    return null;
  }

  /** The question's text with each kernel string that names a release replaced by that release's name. */
  read(normalized: string): { text: string; kernels: KernelString[] } {
    if (!/\d/.test(normalized)) return { text: normalized, kernels: [] };
    const kernels: KernelString[] = [];
    let text = normalized.replace(FLAVOURED, (whole, version: string, _abi: string, flavour: string) => {
      const found = this.readFlavoured(version, flavour);
      if (!found) return whole;
      const reads = `${found.product.aliases[0] ?? found.product.id} ${found.release.version}`;
      kernels.push({ text: whole, product: found.product, release: found.release, reads });
      return ` ${reads} `;
    });
    // "6.1.0-0.deb11.17-amd64": a backported kernel built for Debian 11.
    if (this.debian) {
      const debian = this.debian;
      text = text.replace(BACKPORT, (whole, release: string) => {
        const found = debian.releases.find(
          (candidate) => candidate.version === release || candidate.version === `${release}.0`,
        );
        if (!found) return whole;
        const reads = `${debian.aliases[0] ?? debian.id} ${found.version}`;
        kernels.push({ text: whole, product: debian, release: found, reads });
        return ` ${reads} `;
      });
    }
    const enterprise = this.enterprise;
    if (enterprise) {
      text = text.replace(ENTERPRISE, (whole, major: string) => {
        const reads = `el-family ${major}`;
        kernels.push({ text: whole, product: enterprise, release: null, reads });
        return ` ${reads} `;
      });
    }
    return { text, kernels };
  }
}
