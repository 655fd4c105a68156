'use client';

import { lazyComponent } from '@/components/ui/lazy-component';

// The contact dialogs of the "Más detalles" sidebar (K1-K3, `?details=1&contact=…`): their client
// components load when a dialog is rendered, not with every conversation page (issue 16: JS per
// page). Rendered on the server all the same, so every form works without JavaScript. (The
// sidebar's own forms stay in the page's chunk: loaded lazily, text typed before they hydrated was
// lost, tests/e2e/contacts X1.)
export const ContactDialog = lazyComponent(() => import('@/components/contacts/contact-dialog').then((module) => module.ContactDialog));
export const EditContactForm = lazyComponent(() => import('@/components/contacts/edit-contact-form').then((module) => module.EditContactForm));
export const NewMessageForm = lazyComponent(() => import('@/components/contacts/new-message-form').then((module) => module.NewMessageForm));
export const Form = lazyComponent(() => import('next/form').then((module) => module.default));
