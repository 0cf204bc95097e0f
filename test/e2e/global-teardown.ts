export default async function globalTeardown(): Promise<void> {
  const running = globalThis.gusuSystem;
  if (!running) return;
  await running.system.stop();
  await running.dropDatabase?.();
}
