import type { ChannelSettings } from '../schema';

// The fixed part of the demo workspace: who works there, its teams, inboxes, labels and attribute
// definitions. Everything is referred to by key; ids exist only once rows are written.

export const DEMO_ACCOUNT_NAME = 'Demo Bandeja';
export const DEMO_PASSWORD = 'bandeja-demo';
// Marks the demo account in accounts.settings, so a renamed demo is still recognised.
export const DEMO_ACCOUNT_MARKER = { demo: true } as const;

export const USER_KEYS = ['laura', 'carlos', 'sofia', 'diego', 'valeria'] as const;
export type UserKey = (typeof USER_KEYS)[number];

export const DEMO_USERS: Record<
  UserKey,
  { name: string; email: string; role: 'administrator' | 'agent'; locale: 'es' | 'en'; availability: 'online' | 'busy' | 'offline' }
> = {
  laura: { name: 'Laura Méndez', email: 'admin@bandeja.test', role: 'administrator', locale: 'es', availability: 'online' },
  carlos: { name: 'Carlos Ruiz', email: 'carlos@bandeja.test', role: 'agent', locale: 'es', availability: 'online' },
  sofia: { name: 'Sofía Herrera', email: 'sofia@bandeja.test', role: 'agent', locale: 'es', availability: 'busy' },
  diego: { name: 'Diego Castillo', email: 'diego@bandeja.test', role: 'agent', locale: 'es', availability: 'offline' },
  // Prefers English: the UI language follows the user (the account stays in Spanish).
  valeria: { name: 'Valeria Torres', email: 'valeria@bandeja.test', role: 'agent', locale: 'en', availability: 'online' },
};

export const firstName = (user: UserKey) => DEMO_USERS[user].name.split(' ')[0]!;

export type TeamKey = 'soporte' | 'ventas';
export const DEMO_TEAMS: Record<TeamKey, { name: string; description: string; members: UserKey[] }> = {
  soporte: {
    name: 'Soporte técnico',
    description: 'Cuentas, contraseñas, errores de la aplicación y facturación.',
    members: ['laura', 'carlos', 'sofia'],
  },
  ventas: {
    name: 'Ventas',
    description: 'Cotizaciones, pedidos, envíos y devoluciones.',
    members: ['sofia', 'diego', 'valeria'],
  },
};

export type InboxKey = 'web' | 'api' | 'email';
export const INBOX_KEYS: InboxKey[] = ['web', 'api', 'email'];

// Not every agent is in every inbox, so that inbox authorisation shows: Diego does not see the email
// inbox and Valeria does not see the website chat.
export const DEMO_INBOXES: Record<
  InboxKey,
  { name: string; channelType: 'website' | 'api' | 'email'; settings: ChannelSettings; members: UserKey[] }
> = {
  web: {
    name: 'Chat del sitio web',
    channelType: 'website',
    settings: {
      websiteUrl: 'https://www.demo-bandeja.test',
      widgetColor: '#1f93ff',
      welcomeTitle: '¡Hola! 👋',
      welcomeTagline: 'Escríbenos y te respondemos en minutos.',
      resolvedConversationPolicy: 'reopen',
    },
    members: ['laura', 'carlos', 'sofia', 'diego'],
  },
  api: {
    name: 'Integración API',
    channelType: 'api',
    settings: { webhookUrl: 'https://erp.demo-bandeja.test/webhooks/bandeja', resolvedConversationPolicy: 'new' },
    members: ['laura', 'carlos', 'diego', 'valeria'],
  },
  email: {
    name: 'Correo de soporte',
    channelType: 'email',
    settings: { emailAddress: 'soporte@demo-bandeja.test', resolvedConversationPolicy: 'reopen' },
    members: ['laura', 'carlos', 'sofia', 'valeria'],
  },
};

export const LABEL_KEYS = ['facturacion', 'urgente', 'bug', 'ventas', 'devolucion', 'vip', 'sugerencia', 'envio', 'cuenta'] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

export const DEMO_LABELS: Record<LabelKey, { color: string; description: string }> = {
  facturacion: { color: '#7c3aed', description: 'Facturas, cobros, reembolsos y métodos de pago' },
  urgente: { color: '#dc2626', description: 'Hay que resolverlo hoy' },
  bug: { color: '#ea580c', description: 'Un error de la aplicación o del sitio' },
  ventas: { color: '#16a34a', description: 'Cotizaciones y oportunidades de venta' },
  devolucion: { color: '#0891b2', description: 'Devoluciones y cambios de producto' },
  vip: { color: '#ca8a04', description: 'Clientes con plan Empresa o compras frecuentes' },
  sugerencia: { color: '#2563eb', description: 'Ideas y peticiones de mejora' },
  envio: { color: '#0d9488', description: 'Paquetería, guías y entregas' },
  cuenta: { color: '#64748b', description: 'Acceso, contraseñas y datos de la cuenta' },
};

type AttributeDefinition = {
  key: string;
  displayName: string;
  description: string;
  type: 'text' | 'number' | 'link' | 'date' | 'list' | 'checkbox';
  listValues?: string[];
  regexPattern?: string;
  regexHint?: string;
};

export const SALES_CHANNELS = ['Tienda en línea', 'Marketplace', 'Tienda física', 'Teléfono'];
export const CONTACT_PLANS = ['Gratis', 'Básico', 'Pro', 'Empresa'];

export const CONVERSATION_ATTRIBUTES: AttributeDefinition[] = [
  {
    key: 'numero_pedido',
    displayName: 'Número de pedido',
    description: 'El pedido del que trata la conversación',
    type: 'text',
    regexPattern: '^PED-[0-9]{6}$',
    regexHint: 'Formato PED-123456',
  },
  { key: 'monto', displayName: 'Monto', description: 'Importe en juego, en pesos', type: 'number' },
  { key: 'fecha_entrega', displayName: 'Fecha de entrega', description: 'Entrega prometida al cliente', type: 'date' },
  { key: 'canal_venta', displayName: 'Canal de venta', description: 'Dónde se hizo la compra', type: 'list', listValues: SALES_CHANNELS },
  { key: 'requiere_seguimiento', displayName: 'Requiere seguimiento', description: 'Volver a contactar al cliente', type: 'checkbox' },
];

export const CONTACT_ATTRIBUTES: AttributeDefinition[] = [
  { key: 'plan', displayName: 'Plan', description: 'Plan contratado', type: 'list', listValues: CONTACT_PLANS },
  { key: 'cliente_desde', displayName: 'Cliente desde', description: 'Fecha de la primera compra', type: 'date' },
  { key: 'sitio_web', displayName: 'Sitio web', description: 'Sitio web de la empresa del cliente', type: 'link' },
];

export const PRIORITY_NAMES = { urgent: 'Urgente', high: 'Alta', medium: 'Media', low: 'Baja', none: 'Ninguna' } as const;
export type Priority = keyof typeof PRIORITY_NAMES;
export type Status = 'open' | 'resolved' | 'pending' | 'snoozed';
