// electron-builder's beforePack hook (build/electron-builder.yml): refuses to pack Vigil's native
// module for an operating system it was not built for. node-gyp builds it for the machine it runs
// on, so a Windows installer made on Linux would carry a Linux binary and fail only on site.
import fs from 'node:fs';
import path from 'node:path';

const MODULE = path.join('native', 'build', 'Release', 'vigil_native.node');
// The first bytes of a shared library on each platform: ELF on Linux, a PE ("MZ") DLL on Windows.
const MAGIC = { linux: Buffer.from([0x7f, 0x45, 0x4c, 0x46]), win32: Buffer.from('MZ', 'latin1') };
const FORMAT = { linux: 'an ELF shared object', win32: 'a Windows DLL' };

export default async function beforePack(context) {
  const platform = context.electronPlatformName;
  const magic = MAGIC[platform];
  if (!magic) return;
  const file = path.join(context.packager.projectDir, MODULE);
  const head = fs.readFileSync(file).subarray(0, magic.length);
  if (!head.equals(magic)) {
    throw new Error(`${MODULE} is not ${FORMAT[platform]}: build the native module on ${platform} (npm run build:native) before packaging for it (docs/install.md).`);
  }
}
