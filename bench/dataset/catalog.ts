// The fixed part of the benchmark dataset (issue #3 Performance): its sizes, its clock, and the
// workspace every generated row refers to. Everything here is data; the generators draw from it.

export type DatasetSizes = {
  agents: number;
  administrators: number;
  inboxes: number;
  teams: number;
  labels: number;
  contacts: number;
  conversations: number;
  // A target: the dialogue generator aims at this many messages per conversation on average.
  messagesPerConversation: number;
};

export const DATASET_SIZES: DatasetSizes = {
  agents: 50,
  administrators: 4,
  inboxes: 10,
  teams: 5,
  labels: 30,
  contacts: 100_000,
  conversations: 200_000,
  messagesPerConversation: 10,
};

// The sizes at a fraction of the (BENCH_SCALE=0.05 for a quick try); people, inboxes,
// teams and labels stay as they are.
export const sizesFor = (scale: number): DatasetSizes =>
  scale === 1
    ? DATASET_SIZES
    : { ...DATASET_SIZES, contacts: Math.max(100, Math.round(DATASET_SIZES.contacts * scale)), conversations: Math.max(100, Math.round(DATASET_SIZES.conversations * scale)) };

// Bumped whenever the generator's output changes, so an old dataset is rebuilt, never reused.
export const DATASET_VERSION = 1;
export const DATASET_SEED = 20_260_303;

// Every timestamp is relative to this fixed instant (not the clock), so the same seed gives the same
// rows on every machine, and the benchmark's ctx.now() returns it ("last 7 days" keeps its meaning).
export const DATASET_NOW = new Date('2026-11-02T15:00:00.000Z');

// Conversations start within this many days before DATASET_NOW: two years of history.
export const HISTORY_DAYS = 730;

export const ACCOUNT_NAME = 'Bandeja Benchmark';
export const ACCOUNT_TIME_ZONE = 'America/Mexico_City';

// Ten inboxes of very different sizes, as a real account has (weights are relative traffic).
export const INBOXES: ReadonlyArray<{ name: string; channelType: 'website' | 'api' | 'email'; weight: number }> = [
  { name: 'Chat del sitio web', channelType: 'website', weight: 24 },
  { name: 'Correo de soporte', channelType: 'email', weight: 18 },
  { name: 'WhatsApp (API)', channelType: 'api', weight: 16 },
  { name: 'Chat de la tienda España', channelType: 'website', weight: 10 },
  { name: 'Correo de facturación', channelType: 'email', weight: 8 },
  { name: 'Chat de la app móvil', channelType: 'website', weight: 8 },
  { name: 'Integración ERP (API)', channelType: 'api', weight: 6 },
  { name: 'Correo de mayoreo', channelType: 'email', weight: 4 },
  { name: 'Chat de la tienda Colombia', channelType: 'website', weight: 4 },
  { name: 'Instagram (API)', channelType: 'api', weight: 2 },
];

// Seed topics name two teams (soporte, ventas); the benchmark has five.
export const TEAMS = ['Soporte técnico', 'Ventas', 'Facturación', 'Logística', 'Cuentas clave'] as const;
export const TOPIC_TEAM: Record<'soporte' | 'ventas', number> = { soporte: 0, ventas: 1 };

// The nine demo labels first (the seed's topics name them), then the rest of a real account's list.
// Order is popularity: a conversation's extra labels are drawn with Zipf weights over this list.
export const LABELS = [
  'envio', 'facturacion', 'urgente', 'devolucion', 'cuenta', 'ventas', 'bug', 'vip', 'sugerencia',
  'reembolso', 'garantia', 'cancelacion', 'seguimiento', 'queja', 'pago-rechazado', 'cambio-direccion',
  'promocion', 'mayoreo', 'primer-contacto', 'recompra', 'producto-agotado', 'cupon', 'suscripcion',
  'integracion-api', 'acceso', 'datos-personales', 'felicitacion', 'encuesta', 'prioridad-alta', 'auditoria',
] as const;

export const LABEL_COLORS = ['#1f93ff', '#7c3aed', '#dc2626', '#ea580c', '#16a34a', '#0891b2', '#ca8a04', '#2563eb', '#0d9488', '#64748b'];

// What customers write about, in Zipf order: the head shows up in thousands of messages, the tail in
// a few dozen, so searches have the selectivity of real words (a product nobody buys is rare).
export const PRODUCTS = [
  'licuadora', 'cafetera italiana', 'audífonos inalámbricos', 'mochila impermeable', 'termo de acero', 'sartén antiadherente',
  'juego de sábanas', 'lámpara de escritorio', 'silla ergonómica', 'batidora de pie', 'tostador', 'plancha de vapor',
  'freidora de aire', 'báscula digital', 'cámara de seguridad', 'bocina bluetooth', 'teclado mecánico', 'ratón inalámbrico',
  'funda para teléfono', 'cargador rápido', 'reloj inteligente', 'edredón matrimonial', 'almohada viscoelástica', 'toallas de baño',
  'vajilla de cerámica', 'juego de cuchillos', 'olla exprés', 'extractor de jugos', 'ventilador de torre', 'calentador eléctrico',
  'purificador de aire', 'aspiradora robot', 'cortinas blackout', 'tapete de yoga', 'mancuernas ajustables', 'bicicleta estática',
  'casco de ciclismo', 'tienda de campaña', 'bolsa de dormir', 'hielera portátil', 'parrilla de carbón', 'macetas de barro',
  'kit de jardinería', 'manguera extensible', 'taladro inalámbrico', 'caja de herramientas', 'escalera de aluminio', 'pintura vinílica',
  'espejo de pared', 'perchero de madera', 'zapatero plegable', 'organizador de clóset', 'cobija térmica', 'tetera eléctrica',
  'molino de café', 'prensa francesa', 'jarra medidora', 'moldes de silicón', 'rodillo de repostería', 'báscula de cocina',
  'mantel de lino', 'servilletas bordadas', 'portarretratos', 'reloj de pared', 'difusor de aromas', 'velas aromáticas',
  'cuaderno de piel', 'pluma fuente', 'agenda 2027', 'calculadora científica', 'mochila escolar', 'lonchera térmica',
  'patineta eléctrica', 'scooter plegable', 'casco de motociclista', 'guantes de cuero', 'impermeable', 'paraguas automático',
  'maleta de cabina', 'almohada de viaje', 'adaptador universal', 'candado con combinación', 'cartera de piel', 'cinturón trenzado',
  'sombrero de palma', 'lentes de sol', 'collar para perro', 'arenero para gato', 'croquetas premium', 'cama para mascota',
  'acuario de vidrio', 'jaula para ave', 'microondas', 'refrigerador compacto', 'lavavajillas', 'secadora de cabello',
  'rizador de pelo', 'afeitadora eléctrica', 'cepillo dental eléctrico', 'termómetro digital', 'oxímetro de pulso', 'baumanómetro',
  'colchón ortopédico', 'base de cama', 'buró de nogal', 'cómoda de tres cajones', 'librero modular', 'escritorio en L',
] as const;

// Customer lines that name a product: they add the product vocabulary to openings and follow-ups.
export const PRODUCT_LINES = [
  'Es sobre mi compra de {producto}.',
  'Compré {producto} en la tienda en línea y tengo una duda.',
  'El problema es con mi pedido de {producto}.',
  'Me interesa saber si el modelo de {producto} tiene garantía.',
  '¿El artículo «{producto}» viene con factura?',
  'Quiero cambiar mi compra de {producto} por otro modelo.',
] as const;

// Agent and customer lines that fit any topic, used when a conversation runs longer than its
// topic's dialogue (a customer with several questions).
export const FILLER_AGENT = [
  'Claro, {cliente}, lo reviso y te confirmo en unos minutos.',
  'Gracias por la información. Ya lo anoté en tu caso.',
  '¿Me puedes confirmar el correo con el que hiciste la compra?',
  'Entiendo. Déjame consultarlo con el área correspondiente.',
  'Te comparto el enlace para que puedas revisar el estado en línea.',
  '¿Hay algo más en lo que te pueda ayudar mientras tanto?',
  'Perfecto, queda registrado. El número de seguimiento es {guia}.',
  'Una disculpa por la demora, tuvimos mucha demanda esta semana.',
] as const;

export const FILLER_CUSTOMER = [
  'Sí, es el mismo correo.',
  'Ok, quedo atento.',
  'Otra pregunta: ¿hacen envíos a {ciudad}?',
  '¿Cuánto tarda normalmente?',
  'Gracias, ¿me pueden avisar por aquí?',
  'Perfecto. También quería preguntar por el horario de atención.',
  'No encuentro el número de pedido, ¿lo pueden buscar con mi teléfono?',
  'Ya revisé y sigue igual.',
] as const;
