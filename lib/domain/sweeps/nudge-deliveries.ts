// Outbox rows (webhook deliveries, pushes) are written in the change's transaction; this asks the
// app process to send them right after the commit instead of at the next sweep. startSweeps
// registers the runner (on globalThis: server.ts and the Next.js bundle load this module
// separately); with none registered (tests, scripts) it does nothing and the sweep, or the caller,
// delivers.
const registry = globalThis as unknown as { bandejaDeliveryNudge?: () => void };

export const registerDeliveryRunner = (run: (() => void) | undefined): void => {
  registry.bandejaDeliveryNudge = run;
};

export const nudgeDeliveries = (): void => {
  registry.bandejaDeliveryNudge?.();
};
