package com.klinelive.feed.transport;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP body read as UTF-8 text, refused once it grows past a limit: a hostile or broken server cannot make
 * us buffer an unbounded answer. The body fails with {@link TooLargeException}; invalid UTF-8 fails too.
 */
public final class BoundedBody {

    /** The answer was larger than allowed. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException(long limit) {
            super("answer larger than " + limit + " bytes", null, false, false);
        }
    }

    private BoundedBody() {}

    /** A body handler that reads at most {@code maxBytes} of UTF-8 text. */
    public static BodyHandler<String> ofString(int maxBytes) {
        return info -> new Subscriber(maxBytes);
    }

    private static final class Subscriber implements BodySubscriber<String> {
        private final int maxBytes;
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Subscriber(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (bytes.size() + b.remaining() > maxBytes) {
                    result.completeExceptionally(new TooLargeException(maxBytes));
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray()))
                        .toString());
            } catch (CharacterCodingException e) {
                result.completeExceptionally(new IllegalArgumentException("answer is not valid UTF-8"));
            }
        }
    }
}
