import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ExtractBench on two builds in one JVM, round by round, so that both meet the same machine: each
 * build's classes (and ExtractBench, compiled apart) in a class loader of its own over the shared
 * dependencies; the order within a round alternates. See README.md.
 *
 * <p>Usage: java -cp AB_DIR:DEPS ExtractAB BENCH_DIR CLASSES_A CLASSES_B CORPUS_DIR REPO_DIR [ROUNDS=20] [WARMUP=6]
 * (BENCH_DIR holds ExtractBench's classes and must not be on the class path, nor org.nashra's.)
 */
public final class ExtractAB {
    public static void main(String[] args) throws Exception {
        Path bench = Path.of(args[0]);
        String[] labels = {"A " + args[1], "B " + args[2]};
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 6;
        Side[] sides = {new Side(bench, Path.of(args[1]), args[3], args[4]), new Side(bench, Path.of(args[2]), args[3], args[4])};

        List<String> a = sides[0].describe();
        List<String> b = sides[1].describe();
        for (int i = 0; i < a.size(); i++) System.out.println("A " + a.get(i) + "\nB " + b.get(i));
        System.out.println(a.equals(b) ? "digests equal: both builds extracted the same" : "DIGESTS DIFFER");
        int workloads = a.size();
        String[] names = new String[workloads];
        for (int k = 0; k < workloads; k++) names[k] = a.get(k).substring(0, 16).strip();

        double[][][] wall = new double[2][workloads][rounds];
        double[][][] cpu = new double[2][workloads][rounds];
        for (int r = -warmup; r < rounds; r++) {
            int first = Math.floorMod(r, 2);
            for (int s : new int[] {first, 1 - first}) {
                long[][] res = sides[s].round();
                if (r < 0) continue;
                for (int k = 0; k < workloads; k++) {
                    wall[s][k][r] = res[k][0] / 1e3 / res[k][2];
                    cpu[s][k][r] = res[k][1] / 1e3 / res[k][2];
                }
            }
            if (r >= 0) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d (%s first)", r, first == 0 ? "A" : "B"));
                for (int k = 0; k < workloads; k++) {
                    line.append(String.format(Locale.ROOT, "  %s cpu A %.1f B %.1f us/item", names[k], cpu[0][k][r], cpu[1][k][r]));
                }
                System.out.println(line);
            }
        }
        System.out.println(labels[0] + "\n" + labels[1]);
        for (int k = 0; k < workloads; k++) {
            System.out.printf(Locale.ROOT, "summary %-16s wall median A %.1f B %.1f us/item, B/A per round median %.3f"
                            + " | thread cpu median A %.1f B %.1f us/item, best A %.1f B %.1f, B/A per round median %.3f (%d rounds)%n",
                    names[k], median(wall[0][k]), median(wall[1][k]), median(ratios(wall[1][k], wall[0][k])),
                    median(cpu[0][k]), median(cpu[1][k]), min(cpu[0][k]), min(cpu[1][k]),
                    median(ratios(cpu[1][k], cpu[0][k])), rounds);
        }
    }

    /** One build: its classes and ExtractBench's in a loader of their own, and its workloads. */
    static final class Side {
        final Object workloads;
        final Method describe;
        final Method round;

        Side(Path bench, Path classes, String corpus, String repo) throws Exception {
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), bench.toUri().toURL()},
                    ExtractAB.class.getClassLoader());
            Class<?> c = loader.loadClass("ExtractBench");
            if (c.getClassLoader() != loader) throw new IllegalStateException("ExtractBench is on the class path: " + c.getClassLoader());
            Class<?> nashra = loader.loadClass("org.nashra.extract.FeedParser");
            if (nashra.getClassLoader() != loader) throw new IllegalStateException("org.nashra classes are on the class path");
            workloads = c.getMethod("workloads", String.class, String.class).invoke(null, corpus, repo);
            describe = c.getMethod("describe", List.class);
            round = c.getMethod("round", List.class);
        }

        @SuppressWarnings("unchecked")
        List<String> describe() throws Exception {
            return new ArrayList<>((List<String>) describe.invoke(null, workloads));
        }

        long[][] round() throws Exception {
            return (long[][]) round.invoke(null, workloads);
        }
    }

    static double[] ratios(double[] b, double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = b[i] / a[i];
        return out;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }
}
