/**
 * Operating systems (ua-parser-js 1.x os.name, lowercased) whose devices are desktops and
 * laptops. ua-parser-js 1.x gives desktops no device type, so a user agent without one counts as
 * a desktop only when its OS is one of these. iPads since iPadOS 13 send a Mac user agent by
 * default, so they count as desktops: no user agent parser can tell them apart.
 */
export const DESKTOP_OS_NAMES: ReadonlySet<string> = new Set([
  "windows",
  "mac os",
  "chromium os",
  "linux",
  // Linux distributions ua-parser-js names on their own.
  "ubuntu", "kubuntu", "xubuntu", "lubuntu", "debian", "fedora", "mint", "arch", "gentoo", "slackware",
  "suse", "opensuse", "red hat", "redhat", "centos", "mandriva", "mageia", "pclinuxos", "zenwalk",
  "linpus", "raspbian", "deepin", "manjaro", "elementary os", "sabayon", "linspire", "vectorlinux",
  "gnu", "hurd",
  // BSDs and other Unix.
  "freebsd", "openbsd", "netbsd", "pc-bsd", "ghostbsd", "dragonfly", "solaris", "opensolaris", "aix",
  "hp-ux", "unix", "haiku", "beos", "os/2", "amigaos", "morphos",
]);
