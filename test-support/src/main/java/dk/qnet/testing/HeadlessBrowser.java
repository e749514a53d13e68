package dk.qnet.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: no browser download, no Selenium
 * Manager. On CI (CI set) a missing browser fails the test; elsewhere it skips it, saying why.
 */
public final class HeadlessBrowser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("QNET_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("QNET_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessBrowser() {
    }

    public static ChromeDriver start(int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") == null) {
            Assumptions.abort("Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=da-DK");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
