import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot unmount on its own: each test starts on an empty document.
afterEach(() => {
  cleanup();
});
