'use client';

import dynamic from 'next/dynamic';

// The "Más detalles" sidebar and its contact dialogs (K1-K4) show only with `?details=1`: their
// client components load when the sidebar is rendered, not with every conversation page (issue 16:
// JS per page). Rendered on the server all the same, so every form works without JavaScript.
export const ActionButton = dynamic(() => import('./action-button').then((module) => module.ActionButton));
export const AttributesForm = dynamic(() => import('./attribute-form').then((module) => module.AttributesForm));
export const LabelCreator = dynamic(() => import('./label-creator').then((module) => module.LabelCreator));
export const SelectForm = dynamic(() => import('./select-form').then((module) => module.SelectForm));
export const SidebarSection = dynamic(() => import('./sidebar-section').then((module) => module.SidebarSection));
export const ContactDialog = dynamic(() => import('@/components/contacts/contact-dialog').then((module) => module.ContactDialog));
export const EditContactForm = dynamic(() => import('@/components/contacts/edit-contact-form').then((module) => module.EditContactForm));
export const NewMessageForm = dynamic(() => import('@/components/contacts/new-message-form').then((module) => module.NewMessageForm));
export const Form = dynamic(() => import('next/form'));
