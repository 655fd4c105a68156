// Lines that fit any topic: greetings, nudges, thanks, automatic replies and internal notes.

export const AGENT_GREETINGS = [
  '¡Hola, {cliente}! Soy {agente}. ',
  'Hola, {cliente}, gracias por escribirnos. ',
  'Buen día, {cliente}. Te atiende {agente}. ',
  '',
];

// The customer writes again while waiting for an answer (V3).
export const CUSTOMER_NUDGES = [
  '¿Alguna novedad?',
  'Sigo esperando respuesta, por favor.',
  'Hola, ¿hay alguien ahí?',
  'Les escribo de nuevo porque no he recibido respuesta.',
  '¿Me pueden ayudar? Es bastante urgente.',
];

export const CUSTOMER_THANKS = ['¡Muchas gracias!', 'Perfecto, gracias por la ayuda.', 'Excelente servicio, gracias.', 'Gracias 😊'];

export const AGENT_FAREWELLS = [
  'Con gusto, {cliente}. Si necesitas algo más, aquí estamos. ¡Que tengas buen día!',
  'Un placer ayudarte. ¡Saludos!',
];

// Asking the customer for something before parking the conversation (pending, snoozed).
export const AGENT_WAITING_ON_CUSTOMER = [
  'Quedo atento a tu respuesta para continuar.',
  'En cuanto me confirmes, lo dejo listo.',
  'Te escribo de nuevo mañana con la confirmación.',
];

// B3: automatic replies and messages sent outside the platform.
export const WIDGET_AUTOREPLY =
  '¡Gracias por escribirnos! Un agente te responderá en unos minutos. Horario de atención: lunes a viernes de 9:00 a 19:00 (hora del centro de México).';
export const EMAIL_AUTOREPLY =
  'Hemos recibido tu correo y lo atenderemos en menos de 24 horas hábiles. Por favor no respondas a este mensaje automático.';
export const OUTSIDE_MESSAGES = {
  api: [
    'Actualización automática del sistema de pedidos: el pedido {pedido} cambió a «En camino». Guía {guia}.',
    'Tu solicitud quedó registrada en nuestro sistema con el folio {guia}.',
  ],
  email: ['Hola {cliente}, te escribo desde mi teléfono: ya revisé tu caso y mañana temprano te confirmo. Saludos, {agente}.'],
  web: ['Te llamamos hace unos minutos al número registrado para confirmar los datos. Gracias por atendernos.'],
};

// B5 without mentions, and the answer of a mentioned teammate.
export const GENERIC_NOTES = [
  'Llamé al cliente y no contestó; lo intento de nuevo por la tarde.',
  'Cliente muy amable, ya tuvo un caso parecido en marzo.',
  'Ojo: el cliente pidió que solo lo contacten por correo.',
];
export const MENTION_ANSWERS = [
  'Listo, ya lo revisé y todo está en orden. Puedes responderle.',
  'Hecho ✅',
  'Lo veo en un rato y te confirmo por aquí.',
];
