// Run after `npm install` (npm run lockfile:fix): this registry lacks some platforms' optional binaries
// (Supabase CLI, PostgREST for darwin/win32/musl), so npm omits them from the lock and `npm ci` then refuses it.
import { readFileSync, writeFileSync } from 'node:fs';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (pkgs[key] || pkgs[`${path}/node_modules/${name}`]) continue;
    // Package names spell platforms both ways: darwin-arm64 / aarch64-apple-darwin, win32-x64 / x86_64-windows-msvc.
    const os = /darwin|apple/.test(name) ? 'darwin' : /win/.test(name) ? 'win32' : 'linux';
    const cpu = /arm64|aarch64/.test(name) ? 'arm64' : /x64|x86_64/.test(name) ? 'x64' : /ia32/.test(name) ? 'ia32' : /ppc64/.test(name) ? 'ppc64' : 'arm';
    const e = { version: spec.replace(/^v/, ''), cpu: [cpu], dev: entry.dev || undefined, optional: true, os: [os] };
    if (name.includes('musl')) e.libc = ['musl'];
    pkgs[key] = e; added++;
    console.log('added', key, e.version, os, cpu);
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(added, 'entries added');
