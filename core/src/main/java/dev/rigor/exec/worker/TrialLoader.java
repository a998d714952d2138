package dev.rigor.exec.worker;

import dev.rigor.api.Trial;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a {@code java} trial's class from its own classpath in a class loader of its own, which sees
 * the JDK and {@code dev.rigor.api} and nothing else of Rigor's: the trial's libraries (another
 * Jackson, say) never meet Rigor's.
 */
final class TrialLoader {

  /** Delegates {@code dev.rigor.api} to the loader that has Rigor's copy (so {@link Trial} is one type), everything else to the JDK's. */
  private static final class ApiOnly extends ClassLoader {
    ApiOnly() {
      super("rigor-api", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("dev.rigor.api.")) {
        return Trial.class.getClassLoader().loadClass(name);
      }
      return super.loadClass(name, resolve);
    }
  }

  /** The class cannot be used as a trial. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private TrialLoader() {}

  static Class<? extends Trial> load(String className, List<String> classpath) throws Unusable {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = Path.of(classpath.get(i)).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new Unusable("classpath entry " + classpath.get(i) + " is not a path", e);
      }
    }
    ClassLoader loader = new URLClassLoader("rigor-trial", urls, new ApiOnly());
    Class<?> c;
    try {
      c = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new Unusable("class " + className + " is not on java.classpath " + classpath + " (" + e + ")", e);
    }
    if (!Trial.class.isAssignableFrom(c)) {
      throw new Unusable("class " + className + " does not implement dev.rigor.api.Trial", null);
    }
    return c.asSubclass(Trial.class);
  }

  /** A new instance (the public no-argument constructor). */
  static Trial instantiate(Class<? extends Trial> c) throws Unusable {
    try {
      return c.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new Unusable("class " + c.getName() + " has no public no-argument constructor", e);
    } catch (InvocationTargetException e) {
      throw new Unusable("the constructor of " + c.getName() + " threw " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new Unusable("cannot create a " + c.getName() + ": " + e, e);
    }
  }
}
