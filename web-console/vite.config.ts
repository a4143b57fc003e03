import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Built into the jar's classpath:/static/, which the gateway serves at "/".
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // the build machine is shared: a jsdom render of 300 entries may wait for a core
    testTimeout: 30_000,
  },
});
