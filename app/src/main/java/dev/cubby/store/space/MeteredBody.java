package dev.cubby.store.space;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that reports every byte read to its reservation, which may stop it by throwing. */
final class MeteredBody extends FilterInputStream {
    private final SpaceReservation reservation;

    MeteredBody(InputStream body, SpaceReservation reservation) {
        super(body);
        this.reservation = reservation;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            reservation.wrote(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            reservation.wrote(n);
        }
        return n;
    }
}
