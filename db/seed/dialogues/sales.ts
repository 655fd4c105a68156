import type { Topic } from './topic';

// Quotes, stock questions and suggestions.
export const SALES_TOPICS: Topic[] = [
  {
    key: 'cotizacion',
    team: 'ventas',
    labels: ['ventas'],
    order: false,
    subject: 'Cotización de mayoreo',
    opening: [
      'Hola, tengo una cafetería en {ciudad} y me interesa comprar tazas por mayoreo. ¿Manejan precios especiales?',
      'Buen día, busco regalos corporativos para fin de año (tazas o termos). ¿Me pueden cotizar?',
    ],
    exchanges: [
      {
        agent: [
          '¡Claro! A partir de 50 piezas tenemos precio de mayoreo. ¿Qué modelos y cantidades te interesan?',
          'Con gusto te cotizo. ¿Los necesitas con el logotipo de tu empresa grabado?',
        ],
        contact: ['Unas 120 tazas del modelo clásico, en blanco.', 'Sí, con logotipo, y los necesitamos antes del 15 de diciembre.'],
      },
      {
        agent: [
          'Te comparto el catálogo de mayoreo con precios. Para esa cantidad el total sería {monto} con envío incluido.',
          'Adjunto la cotización: {monto} con grabado y envío. El tiempo de entrega es de 10 días hábiles.',
        ],
        contact: ['Me parece bien. ¿Cómo es la forma de pago?', '¿Aceptan transferencia y 50 % de anticipo?'],
      },
      {
        agent: ['Aceptamos transferencia, tarjeta y pago en efectivo en tienda. Con el anticipo arrancamos la producción.', 'Sí, 50 % de anticipo y el resto contra entrega.'],
        contact: ['Perfecto, hoy mismo hago el anticipo.', 'Lo reviso con mi socio y les confirmo mañana.'],
      },
    ],
    attachment: {
      from: 'agent',
      after: 1,
      content: 'Catálogo de mayoreo',
      file: { kind: 'file', fileName: 'catalogo-mayoreo.pdf', mimeType: 'application/pdf', size: 2_418_330 },
    },
    notes: ['{mencion} cliente potencial de mayoreo, ¿le puedes dar seguimiento la próxima semana?', 'Cotización enviada por {monto}. Esperando anticipo.'],
    resolution: ['Recibimos tu anticipo. ¡Gracias por tu compra! Te avisamos cuando tu pedido esté listo.'],
  },
  {
    key: 'disponibilidad',
    team: 'ventas',
    labels: ['ventas'],
    order: false,
    subject: '¿Tienen disponible la cafetera italiana?',
    opening: [
      'Hola, ¿tienen la cafetera italiana de 6 tazas en color rojo? En la página dice agotado.',
      '¿Cuándo vuelven a tener en existencia la mochila impermeable gris?',
    ],
    exchanges: [
      {
        agent: [
          'Hola, {cliente}. Esperamos reabastecer ese modelo el {fecha}. ¿Quieres que te avise cuando llegue?',
          'Ese color se agotó, pero lo tenemos en negro y en verde. ¿Te interesa alguno?',
        ],
        contact: ['Sí, avísenme por favor.', 'Prefiero esperar el color que quería.'],
      },
      {
        agent: ['Listo, te anoté en la lista de espera. Te escribimos en cuanto esté disponible.', 'Perfecto, te avisamos por este medio.'],
        contact: ['Gracias 🙌', 'Muchas gracias.'],
      },
    ],
    attachment: {
      from: 'contact',
      after: 'opening',
      content: null,
      file: { kind: 'audio', fileName: 'nota-de-voz.webm', mimeType: 'audio/webm', size: 48_210, duration: 14.6, isVoiceNote: true },
    },
    notes: ['Cliente en lista de espera para reabastecimiento.'],
    resolution: ['¡Ya llegó! Puedes comprarla en la tienda en línea. Te apartamos una pieza por 48 horas.'],
  },
  {
    key: 'sugerencia',
    team: null,
    labels: ['sugerencia'],
    order: false,
    subject: 'Sugerencia para la tienda en línea',
    opening: [
      'Sería genial poder pagar con transferencia SPEI o en OXXO, no todos tenemos tarjeta.',
      'Les sugiero agregar un filtro por precio en el catálogo, es difícil encontrar productos.',
      'Me encantaría que la app tuviera modo oscuro 🙏',
    ],
    exchanges: [
      {
        agent: [
          '¡Gracias por la sugerencia, {cliente}! La compartí con el equipo de producto.',
          'Muy buena idea. La registré para que el equipo la evalúe en la próxima planeación.',
        ],
        contact: ['¡Gracias a ustedes!', 'Ojalá la consideren, sería de mucha ayuda.'],
      },
      {
        agent: ['Te avisaremos si la incluimos. ¡Que tengas buen día!', 'Cuenta con ello. Gracias por ayudarnos a mejorar.'],
        contact: ['Igualmente.', '👍'],
      },
    ],
    notes: ['Sugerencia registrada en el tablero de producto.'],
    resolution: ['Gracias de nuevo por tu sugerencia. ¡Saludos!'],
  },
];
