import type { Topic } from './topic';

// Orders, shipping and returns.
export const ORDER_TOPICS: Topic[] = [
  {
    key: 'pedido_retrasado',
    team: 'ventas',
    labels: ['envio'],
    order: true,
    subject: 'Mi pedido {pedido} no ha llegado',
    opening: [
      'Hola, hice un pedido hace una semana ({pedido}) y todavía no me llega. ¿Me pueden decir dónde está?',
      'Buenas tardes. Mi pedido {pedido} debía llegar el {fecha} y sigo esperando. ¿Qué pasó con el envío?',
      'Hola, ¿me ayudan a rastrear el pedido {pedido}? La página dice "en tránsito" desde hace días.',
    ],
    exchanges: [
      {
        agent: [
          'Claro, ya estoy revisando el pedido {pedido}. ¿Me confirmas que la entrega es en {ciudad}?',
          'Déjame consultarlo con la paquetería. ¿La dirección de envío sigue siendo la de {ciudad}?',
        ],
        contact: ['Sí, es la misma dirección en {ciudad}.', 'Sí, correcto. Es la dirección de mi oficina.'],
      },
      {
        agent: [
          'Gracias. La paquetería tuvo un retraso en su centro de distribución. Tu guía es {guia} y la nueva fecha estimada de entrega es el {fecha}.',
          'Ya encontré la razón del retraso: el paquete se quedó en el centro de distribución por alta demanda. Guía {guia}, entrega estimada el {fecha}.',
        ],
        contact: ['¿Y no hay forma de que llegue antes? Lo necesito para el fin de semana.', 'Ok, ¿me avisan si cambia algo?'],
      },
      {
        agent: [
          'Solicité a la paquetería que lo entreguen con prioridad y te reembolsamos el costo del envío.',
          'Claro, te aviso por este medio si hay cualquier cambio.',
        ],
        contact: ['Muchas gracias, quedo pendiente.', 'Perfecto, gracias por la atención.'],
      },
    ],
    notes: [
      '{mencion} ¿puedes confirmar con almacén si el pedido {pedido} salió completo?',
      'La paquetería confirma el retraso en la guía {guia}. Reembolsar el envío si no llega el {fecha}.',
      '{mencion} este cliente ya tuvo otro retraso el mes pasado, ¿le damos un cupón?',
    ],
    resolution: ['La paquetería confirma la entrega del pedido {pedido}. ¡Que lo disfrutes, {cliente}!'],
  },
  {
    key: 'paquete_danado',
    team: 'ventas',
    labels: ['devolucion', 'envio'],
    order: true,
    subject: 'Producto dañado en el pedido {pedido}',
    opening: [
      'Hola, me llegó el pedido {pedido} pero la caja venía aplastada y la licuadora está rota 😞',
      'Buenos días. Recibí mi pedido y uno de los platos viene quebrado. ¿Cómo hago el cambio?',
    ],
    exchanges: [
      {
        agent: [
          'Lamento mucho lo sucedido, {cliente}. ¿Podrías enviarnos una foto del producto y de la caja?',
          'Qué pena, {cliente}. Para iniciar la devolución necesito una foto del daño, por favor.',
        ],
        contact: ['Claro, aquí está.', 'Les mando la foto.'],
      },
      {
        agent: [
          'Gracias. Ya generé la devolución sin costo: te enviamos uno nuevo y la paquetería recoge el dañado el {fecha}.',
          'Listo, aprobé el cambio. Recibirás una guía de devolución por correo y el reemplazo sale mañana.',
        ],
        contact: ['¿Tengo que empacarlo en la caja original?', '¿La paquetería pasa a mi domicilio?'],
      },
      {
        agent: ['No es necesario, cualquier caja sirve. Solo pega la guía que te llegará por correo.', 'Sí, pasan a tu domicilio entre 9:00 y 18:00.'],
        contact: ['Perfecto, muchas gracias.', 'Excelente, gracias por la rapidez.'],
      },
    ],
    attachment: {
      from: 'contact',
      after: 0,
      content: 'Así llegó la caja',
      file: { kind: 'image', fileName: 'caja-danada.jpg', mimeType: 'image/jpeg', size: 284_113, width: 1280, height: 960 },
    },
    notes: ['{mencion} ¿autorizas el reemplazo sin esperar la devolución? Es cliente frecuente.', 'Reemplazo autorizado. Guía de devolución enviada por correo.'],
    resolution: ['Confirmamos que el reemplazo se entregó. Gracias por tu paciencia, {cliente}.'],
  },
  {
    key: 'devolucion_talla',
    team: 'ventas',
    labels: ['devolucion'],
    order: true,
    subject: 'Cambio de talla, pedido {pedido}',
    opening: [
      'Hola, compré unos tenis talla 26 y me quedaron chicos. ¿Puedo cambiarlos por 27?',
      'Quiero hacer una devolución del pedido {pedido}, la chamarra no es como en la foto.',
    ],
    exchanges: [
      {
        agent: [
          'Claro que sí. Tienes 30 días para cambios y devoluciones. ¿El producto está sin usar y con etiquetas?',
          'Con gusto. ¿Prefieres el cambio o el reembolso de {monto}?',
        ],
        contact: ['Sí, está nuevo, solo me lo probé.', 'Prefiero el reembolso, por favor.'],
      },
      {
        agent: [
          'Perfecto. Te envié por correo la guía de devolución. En cuanto llegue al almacén procesamos el cambio.',
          'Listo, la devolución quedó registrada. El reembolso se refleja de 5 a 10 días hábiles después de recibir el producto.',
        ],
        contact: ['¿El envío de la devolución tiene costo?', 'Ok, gracias.'],
      },
      {
        agent: ['No, la guía de devolución es gratuita.', 'Con gusto. Recuerda llevar el paquete a la paquetería en los próximos 7 días.'],
        contact: ['Excelente 👍', 'Muy bien, mañana lo llevo a la paquetería.'],
      },
    ],
    notes: ['Devolución registrada en el ERP. Reembolso pendiente de recepción en almacén.', '{mencion} ¿hay talla 27 en existencia para el cambio?'],
    resolution: ['Recibimos el producto y el reembolso de {monto} ya fue procesado. ¡Gracias, {cliente}!'],
  },
  {
    key: 'cambio_direccion',
    team: 'ventas',
    labels: ['envio'],
    order: true,
    subject: 'Cambiar dirección de envío',
    opening: [
      'Hola, me equivoqué en la dirección de envío del pedido {pedido}. ¿Todavía se puede cambiar?',
      'Buenas, necesito cambiar la dirección de entrega de mi pedido, me mudé la semana pasada.',
    ],
    exchanges: [
      {
        agent: [
          'Sí, el pedido aún no sale del almacén. ¿Cuál es la dirección correcta?',
          'Déjame revisar si ya salió... Todavía está en preparación. Compárteme la nueva dirección completa.',
        ],
        contact: ['Calle Olivo 118, interior 4, colonia Las Flores, {ciudad}.', 'Av. Reforma 2050, piso 3, {ciudad}. Gracias.'],
      },
      {
        agent: ['Listo, actualicé la dirección. La entrega estimada se mantiene para el {fecha}.', 'Dirección actualizada. Tu guía es {guia}.'],
        contact: ['Mil gracias, me salvaron.', 'Perfecto, gracias.'],
      },
    ],
    notes: ['Dirección corregida en el ERP antes de la salida del almacén.'],
    resolution: ['Tu pedido {pedido} ya va en camino a la nueva dirección. ¡Saludos!'],
  },
];
