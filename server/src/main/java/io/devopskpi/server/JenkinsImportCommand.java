package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.changes.ChangeSelection;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.mapping.PipelineRule;
import io.devopskpi.core.model.Change;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code import jenkins}: the builds Jenkins already has, read through its remote API ({@link JenkinsBuilds}),
 * sent to a running server as the deployments the plugin would have recorded live (docs/import.md): the same ids
 * ({@code jenkins:[controller:]job#number:application:environment}), result, start, finish, pipeline, URL and
 * changes (the commits since the job's last successful build, as the plugin selects them), marked
 * {@code imported} (metrics.md: they count as deployments but give no lead-time samples). Builds still running and
 * builds no rule maps are skipped. Deployments the server already holds (recorded live or by an earlier import)
 * are skipped, so an interrupted import is resumed by running it again and a second run adds nothing. Jobs are
 * read and sent one at a time, with a progress bar on stderr. Exit codes as {@code import}'s; 4 also when Jenkins
 * could not be asked.
 */
@Command(name = "jenkins", description = "Imports the build history of Jenkins jobs as deployments.")
final class JenkinsImportCommand {
    static final String CI = "jenkins";

    static final String USAGE_TEXT = """
            usage: java -jar devops-kpi-server.jar import jenkins --jenkins URL [--user U --api-token-file F]
                   --job NAME [--job NAME ...] (--application A --environment E | --mapping FILE)
                   [--controller NAME] [--page-size 100] [--server URL] --token-file F
              --jenkins         Jenkins' URL, e.g. https://ci.example/
              --user            a Jenkins user, with --api-token-file a file holding one of its API tokens
              --job             a job's full name (folder/job); repeat for several jobs
              --application     every build deploys this application ...
              --environment     ... to this environment
              --mapping         or rules, one per line: PATTERN = application, environment[, kind[, team]]
                                (the plugin's job rules; build parameters DEVOPS_KPI_APPLICATION,
                                DEVOPS_KPI_ENVIRONMENT, DEVOPS_KPI_KIND win over them)
              --controller      the plugin's controller name, if one is set there (it is part of the ids)
              --page-size       builds per request to Jenkins (default 100)
              exit codes:       0 imported, 2 bad arguments or refused deployments, 4 Jenkins or the server
                                could not be asked; run it again to resume: what is stored is skipped
            """;

    @Mixin
    private ServerTarget target = new ServerTarget();
    @Option(names = "--jenkins", paramLabel = "URL")
    private String jenkins;
    @Option(names = "--user", paramLabel = "U")
    private String user;
    @Option(names = "--api-token-file", paramLabel = "F")
    private Path apiTokenFile;
    @Option(names = "--job", paramLabel = "NAME")
    private List<String> jobs = new ArrayList<>();
    @Option(names = "--application", paramLabel = "A")
    private String application;
    @Option(names = "--environment", paramLabel = "E")
    private String environment;
    @Option(names = "--mapping", paramLabel = "FILE")
    private Path mapping;
    @Option(names = "--controller", paramLabel = "NAME")
    private String controller;
    @Option(names = "--page-size", paramLabel = "N")
    private int pageSize = 100;
    @Option(names = {"-h", "--help"}, usageHelp = true)
    private boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient client;

    JenkinsImportCommand(PrintStream out, PrintStream err, HttpClient client) {
        this.out = out;
        this.err = err;
        this.client = client;
    }

    /** What one job's builds gave. */
    private record JobEvents(List<EventSender.Item> deployments, int running, int unmapped) {
    }

    int run(List<String> args) {
        List<PipelineRule> rules;
        JenkinsBuilds builds;
        String token;
        try {
            if (Cli.parse(Cli.of(this), args)) {
                out.println(USAGE_TEXT);
                return EventSender.IMPORTED;
            }
            rules = rules();
            builds = new JenkinsBuilds(client, jenkins, user, apiToken(), pageSize);
            if (!target.hasToken()) {
                throw new IllegalArgumentException("--token-file is required: imports write deployments");
            }
            token = target.token();
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            err.println("devops-kpi import jenkins: " + e.getMessage());
            err.println(USAGE_TEXT);
            return EventSender.REFUSED;
        }
        int sent = 0;
        int stored = 0;
        try {
            for (String job : jobs) {
                ProgressBar bar = new ProgressBar(err);
                List<JenkinsBuilds.Build> history = builds.all(job, read -> bar.show(job, read, 0));
                bar.done();
                JobEvents events = events(job, history, rules);
                List<EventSender.Item> fresh = withoutStored(events.deployments(), token);
                int already = events.deployments().size() - fresh.size();
                out.printf("%s: %d builds, %d deployments (%d already stored), %d still running, %d mapped by "
                        + "no rule%n", job, history.size(), events.deployments().size(), already, events.running(),
                        events.unmapped());
                if (!fresh.isEmpty()) {
                    int exit = new EventSender(out, err, client, "devops-kpi import jenkins: ", target.server(),
                            token).send(fresh);
                    if (exit != EventSender.IMPORTED) {
                        return exit;
                    }
                }
                sent += fresh.size();
                stored += already;
            }
        } catch (JenkinsBuilds.JenkinsException | IOException | IllegalStateException e) {
            err.println();
            err.println("devops-kpi import jenkins: " + (e.getMessage() == null ? "cannot reach the server: "
                    + e.getClass().getSimpleName() : e.getMessage()));
            err.println("devops-kpi import jenkins: what was sent stays stored; run the import again to resume");
            return EventSender.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EventSender.UNREACHABLE;
        }
        out.println("done: " + sent + " deployments sent, " + stored + " already stored");
        return EventSender.IMPORTED;
    }

    private List<PipelineRule> rules() {
        if (jenkins == null || !(jenkins.startsWith("http://") || jenkins.startsWith("https://"))) {
            throw new IllegalArgumentException("--jenkins needs Jenkins' http(s) URL");
        }
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("name at least one --job");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("--page-size must be at least 1, got " + pageSize);
        }
        if (mapping != null) {
            if (application != null || environment != null) {
                throw new IllegalArgumentException("give either --mapping or --application and --environment");
            }
            return JenkinsRules.read(mapping);
        }
        if (application == null || environment == null) {
            throw new IllegalArgumentException("give --application and --environment, or --mapping");
        }
        return JenkinsRules.everyJob(application, environment);
    }

    private String apiToken() {
        if (user == null && apiTokenFile == null) {
            return null;
        }
        if (user == null || apiTokenFile == null) {
            throw new IllegalArgumentException("--user and --api-token-file go together");
        }
        try {
            return Files.readString(apiTokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --api-token-file " + apiTokenFile + ": "
                    + e.getMessage());
        }
    }

    /** The deployments of a job's finished builds, oldest first, as live recording would have made them. */
    JobEvents events(String job, List<JenkinsBuilds.Build> newestFirst, List<PipelineRule> rules) {
        List<EventSender.Item> deployments = new ArrayList<>();
        int running = 0;
        int unmapped = 0;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            JenkinsBuilds.Build build = newestFirst.get(i);
            if (build.result() == null) {
                running++;
                continue;
            }
            Optional<DeploymentTarget> resolved = DeploymentTarget.resolve(rules, job, build.parameters());
            if (resolved.isEmpty()) {
                unmapped++;
                continue;
            }
            DeploymentTarget deployed = resolved.get();
            List<ChangeSelection.RunChanges> runs = new ArrayList<>();
            for (int r = i; r < newestFirst.size() && runs.size() < ChangeSelection.MAX_RUNS; r++) {
                JenkinsBuilds.Build earlier = newestFirst.get(r);
                runs.add(new ChangeSelection.RunChanges(Instant.ofEpochMilli(earlier.timestamp()),
                        deployed.eventId(CI, controller, job + "#" + earlier.number()),
                        "SUCCESS".equals(earlier.result()), earlier.commits()));
            }
            deployments.add(new EventSender.Item(deployment(job, build, deployed,
                    ChangeSelection.sinceLastSuccessfulRun(runs), runs.get(0).eventId()), job + " #"
                    + build.number()));
        }
        return new JobEvents(deployments, running, unmapped);
    }

    private static JsonObject deployment(String job, JenkinsBuilds.Build build, DeploymentTarget target,
            List<Change> changes, String id) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "deployment");
        event.addProperty("id", id);
        event.addProperty("application", target.application());
        event.addProperty("environment", target.environment());
        event.addProperty("started", Instant.ofEpochMilli(build.timestamp()).toString());
        event.addProperty("finished", Instant.ofEpochMilli(build.timestamp() + Math.max(build.duration(), 0))
                .toString());
        event.addProperty("result", result(build.result()));
        event.addProperty("kind", target.kind().name());
        if (target.team() != null) {
            event.addProperty("team", target.team());
        }
        JsonArray shipped = new JsonArray();
        for (Change change : changes) {
            JsonObject json = new JsonObject();
            json.addProperty("id", change.id());
            json.addProperty("committed", change.committed().toString());
            if (change.author() != null) {
                json.addProperty("author", change.author());
            }
            shipped.add(json);
        }
        event.add("changes", shipped);
        event.addProperty("pipeline", job);
        if (build.url() != null && (build.url().startsWith("http://") || build.url().startsWith("https://"))) {
            event.addProperty("url", build.url());
        }
        event.addProperty("imported", true);
        return event;
    }

    /** A Jenkins result as the plugin records it: NOT_BUILT and ABORTED builds did not deploy. */
    static String result(String jenkinsResult) {
        return switch (jenkinsResult) {
            case "SUCCESS" -> "SUCCESS";
            case "UNSTABLE" -> "UNSTABLE";
            case "FAILURE" -> "FAILURE";
            default -> "ABORTED";
        };
    }

    /** The deployments whose id the server does not hold yet (GET /api/v1/deployments over their finish times). */
    private List<EventSender.Item> withoutStored(List<EventSender.Item> deployments, String token)
            throws IOException, InterruptedException {
        Map<String, List<Instant>> finishedByTarget = new LinkedHashMap<>();
        for (EventSender.Item item : deployments) {
            JsonObject event = item.event().getAsJsonObject();
            finishedByTarget.computeIfAbsent(event.get("application").getAsString() + "\n"
                    + event.get("environment").getAsString(), t -> new ArrayList<>())
                    .add(Instant.parse(event.get("finished").getAsString()));
        }
        Set<String> stored = new HashSet<>();
        for (Map.Entry<String, List<Instant>> entry : finishedByTarget.entrySet()) {
            String[] key = entry.getKey().split("\n", 2);
            Instant from = entry.getValue().stream().min(Instant::compareTo).orElseThrow();
            Instant to = entry.getValue().stream().max(Instant::compareTo).orElseThrow().plusSeconds(1);
            stored.addAll(storedIds(key[0], key[1], from, to, token));
        }
        return deployments.stream()
                .filter(item -> !stored.contains(item.event().getAsJsonObject().get("id").getAsString())).toList();
    }

    private Set<String> storedIds(String app, String env, Instant from, Instant to, String token)
            throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        for (int offset = 0; ; offset += 500) {
            String url = target.server() + "/api/v1/deployments?application="
                    + URLEncoder.encode(app, StandardCharsets.UTF_8) + "&environment="
                    + URLEncoder.encode(env, StandardCharsets.UTF_8) + "&from=" + from + "&to=" + to
                    + "&limit=500&offset=" + offset;
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the server answered HTTP " + response.statusCode()
                        + " to GET /api/v1/deployments: " + response.body().substring(0,
                        Math.min(300, response.body().length())));
            }
            JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
            JsonArray page = answer.getAsJsonArray("deployments");
            page.forEach(d -> ids.add(d.getAsJsonObject().get("id").getAsString()));
            if (page.isEmpty() || offset + page.size() >= answer.get("total").getAsInt()) {
                return ids;
            }
        }
    }
}
