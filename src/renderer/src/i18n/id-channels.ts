/** Indonesian texts of saluran pesan: WhatsApp dan e-mail. */
export const idChannels = {
  channels: {},
}
