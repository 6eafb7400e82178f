// The fuses Vigil's packages must carry: the security decision itself, checked against
// build/electron-builder.yml and against the binary of a stand-in pack. docs/install.md
// ("Electron fuses") says why each is set so.

/** electron-builder's name for each fuse (its `electronFuses` keys) and the required state. */
export const FUSE_POLICY = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const;

export type FuseName = keyof typeof FUSE_POLICY;

/** Each fuse's place in Electron's fuse wire (@electron/fuses' FuseV1Options). */
export const FUSE_WIRE_INDEX: Record<FuseName, number> = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
};

/** Marks the fuse wire in an Electron binary; a version byte, a length byte and '0'/'1' per fuse follow. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** The fuse states written in an Electron binary, in wire order ('r' marks a removed fuse). */
export function readFuseWire(binary: Buffer): string {
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('no fuse wire in this binary (not Electron 12 or later?)');
  const wire = at + FUSE_SENTINEL.length;
  if (binary[wire] !== 1) throw new Error(`fuse wire version ${binary[wire]} is not the version 1 this check reads`);
  const length = binary[wire + 1]!;
  return binary.toString('latin1', wire + 2, wire + 2 + length);
}
