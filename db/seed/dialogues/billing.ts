import type { Topic } from './topic';

// Invoices, charges and plans.
export const BILLING_TOPICS: Topic[] = [
  {
    key: 'factura',
    team: 'soporte',
    labels: ['facturacion'],
    order: true,
    subject: 'Solicitud de factura del pedido {pedido}',
    opening: [
      'Hola, necesito la factura de mi compra {pedido}. ¿Dónde la solicito?',
      'Buen día. La factura que me llegó tiene mal la razón social. ¿Me la pueden corregir?',
      'Hola, ¿me pueden enviar la factura del pedido {pedido}? No me llegó al correo.',
    ],
    exchanges: [
      {
        agent: [
          'Con gusto. ¿Me compartes tu RFC, razón social, régimen fiscal y código postal fiscal?',
          'Claro. Para la facturación necesito tus datos fiscales: RFC, razón social y uso del CFDI.',
        ],
        contact: [
          'RFC GOMJ850312AB1, razón social Café Altura S.A. de C.V., régimen 601, CP 44100. Uso G03.',
          'Te paso los datos: RFC HERM900101XYZ, persona física, CP 06700, uso G01.',
        ],
      },
      {
        agent: ['Gracias. Aquí tienes la factura {factura} en PDF; el XML te llega por correo.', 'Listo, adjunto la factura {factura}.'],
        contact: ['Recibida, gracias. ¿A qué correo llega el XML?', 'Perfecto, ya la tengo.'],
      },
      {
        agent: ['Al correo registrado en tu cuenta; se envió hace unos minutos.', 'El XML también te llega por correo; si no lo ves, revisa la carpeta de spam.'],
        contact: ['Ya me llegó, muchas gracias por la información.', 'Listo, muchas gracias.'],
      },
    ],
    attachment: {
      from: 'agent',
      after: 1,
      content: 'Factura {factura}',
      file: { kind: 'file', fileName: 'factura-{factura}.pdf', mimeType: 'application/pdf', size: 86_420 },
    },
    notes: ['{mencion} ¿me ayudas a timbrar la factura? El sistema de facturación me marca error de régimen fiscal.', 'Factura {factura} timbrada y enviada.'],
    resolution: ['Tu factura {factura} quedó emitida. Cualquier duda sobre facturación, aquí estamos.'],
  },
  {
    key: 'cobro_duplicado',
    team: 'soporte',
    labels: ['facturacion', 'urgente'],
    order: true,
    subject: 'Cobro duplicado en mi tarjeta',
    opening: [
      '¡Me cobraron dos veces el pedido {pedido}! Son {monto} cada cargo. Necesito que me lo regresen.',
      'Hola, en mi estado de cuenta aparecen dos cargos de {monto} por la misma compra. ¿Qué pasó?',
    ],
    exchanges: [
      {
        agent: [
          'Entiendo tu preocupación, {cliente}. Ya estoy revisando los movimientos del pedido {pedido}. ¿Me compartes los últimos 4 dígitos de la tarjeta?',
          'Lamento la molestia. Voy a revisarlo con el área de pagos. ¿Los dos cargos tienen la misma fecha?',
        ],
        contact: ['Termina en 4821.', 'Sí, los dos del mismo día, con unos minutos de diferencia.'],
      },
      {
        agent: [
          'Confirmado: el banco procesó dos veces la autorización. Ya solicitamos el reembolso de {monto}; se refleja en 5 a 10 días hábiles.',
          'Encontramos el cargo duplicado y ya lo cancelamos. El banco liberará el dinero en un plazo de 5 a 10 días hábiles.',
        ],
        contact: ['¿Me pueden mandar un comprobante del reembolso?', 'Ok, ¿y si no se refleja en ese plazo?'],
      },
      {
        agent: ['Claro, te lo enviamos por correo en cuanto el banco nos confirme el folio.', 'Escríbenos y lo escalamos con el banco de inmediato.'],
        contact: ['Gracias.', 'Está bien, gracias por la rapidez.'],
      },
    ],
    notes: [
      '{mencion} cargo duplicado confirmado en la pasarela, ¿lo reembolsas tú o lo paso a finanzas?',
      'Reembolso solicitado a la pasarela de pagos. Folio REF-{guia}.',
    ],
    resolution: ['El reembolso de {monto} quedó aplicado. Te enviamos el comprobante por correo.'],
  },
  {
    key: 'cambio_plan',
    team: 'ventas',
    labels: ['ventas', 'facturacion'],
    order: false,
    subject: 'Cambio de plan',
    opening: [
      'Hola, tenemos el plan {plan} y queremos uno con más usuarios. ¿Cómo se cobra la diferencia?',
      'Buenas tardes, ya somos 12 personas y el plan {plan} no nos alcanza. ¿Qué opciones tenemos?',
    ],
    exchanges: [
      {
        agent: [
          'Con gusto. Puedes pasar al plan Pro o al Empresa; el cambio es inmediato y se cobra solo la parte proporcional del mes. ¿Pagas mensual o anual?',
          'Te recomiendo el plan Empresa: usuarios ilimitados, soporte prioritario y facturación mensual consolidada.',
        ],
        contact: ['Mensual por ahora.', '¿Tienen descuento por pago anual?'],
      },
      {
        agent: ['Con el pago anual tienes dos meses gratis. ¿Te envío la cotización?', 'Te preparé la cotización con el descuento anual.'],
        contact: ['Sí, por favor, a este mismo correo.', 'Perfecto, la reviso con mi socio y les confirmo.'],
      },
    ],
    notes: ['Oportunidad de venta: posible plan Empresa anual.', '{mencion} ¿puedes darle seguimiento a esta cotización la próxima semana?'],
    resolution: ['Tu cuenta ya tiene el nuevo plan activo. ¡Gracias por la confianza!'],
  },
];
