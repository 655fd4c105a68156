'use client';

import type { ComponentProps } from 'react';

// A select that submits its form when changed (the form keeps a submit button for no-JS use).
export const AutoSubmitSelect = (props: ComponentProps<'select'>) => (
  <select {...props} onChange={(event) => event.currentTarget.form?.requestSubmit()} />
);
