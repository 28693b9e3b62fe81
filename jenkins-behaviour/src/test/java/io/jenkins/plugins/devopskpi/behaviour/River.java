package io.jenkins.plugins.devopskpi.behaviour;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.marshalling.Marshaller;
import org.jboss.marshalling.Marshalling;
import org.jboss.marshalling.MarshallingConfiguration;
import org.jboss.marshalling.ObjectResolver;
import org.jboss.marshalling.SimpleClassResolver;
import org.jboss.marshalling.Unmarshaller;
import org.jboss.marshalling.river.RiverMarshallerFactory;

/**
 * Writes and reads an object as workflow-cps writes program.dat through workflow-support's RiverWriter and reads
 * it through RiverReader: River's factory, a default configuration (default protocol version), an object resolver
 * consulted for every object written, and on reading a class resolver on the plugin's class loader.
 */
final class River {
    private River() {
    }

    /** What {@link #roundTrip} read back, and every object the marshaller wrote (as its object resolver saw them). */
    record Copy(Object readBack, List<Object> written) {
    }

    static Copy roundTrip(Object original, ClassLoader loader) throws IOException, ClassNotFoundException {
        List<Object> written = new ArrayList<>();
        MarshallingConfiguration out = new MarshallingConfiguration();
        out.setObjectResolver(new ObjectResolver() {
            @Override
            public Object readResolve(Object replacement) {
                throw new IllegalStateException("the writer never reads");
            }

            @Override
            public Object writeReplace(Object o) { // where RiverWriter swaps in pickles
                written.add(o);
                return o;
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Marshaller marshaller = new RiverMarshallerFactory().createMarshaller(out);
        marshaller.start(Marshalling.createByteOutput(bytes));
        marshaller.writeObject(original);
        marshaller.finish();

        MarshallingConfiguration in = new MarshallingConfiguration();
        in.setClassResolver(new SimpleClassResolver(loader));
        in.setObjectResolver(new ObjectResolver() {
            @Override
            public Object readResolve(Object replacement) {
                return replacement;
            }

            @Override
            public Object writeReplace(Object original) {
                throw new IllegalStateException("the reader never writes");
            }
        });
        Unmarshaller unmarshaller = new RiverMarshallerFactory().createUnmarshaller(in);
        unmarshaller.start(Marshalling.createByteInput(new ByteArrayInputStream(bytes.toByteArray())));
        Object readBack = unmarshaller.readObject();
        unmarshaller.finish();
        return new Copy(readBack, written);
    }
}
